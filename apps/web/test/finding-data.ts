import { candidates } from './funding-data.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { commitLines } from './upload-api.ts';
import { templateLayout, tsvRow } from './upload-files.ts';

// Known findings for the findings browser test. The generated state is clean of fatal record findings, so the
// test plants its own: enrollments re-uploaded as dropouts without a Drop Out Reason. The upload commits them
// (ENR-006 is a statewide rule, not an upload check) and the next validation run reports each one.

/**
 * Re-uploads `count` of `district`'s current enrollments ended in April with dropout end status 330 and no Drop
 * Out Reason (montana-aim.md §6.4 R06); returns their state IDs.
 */
export async function plantDropoutsWithoutReason(
  server: ServerUnderTest,
  headers: SessionHeaders,
  district: string,
  schoolYear: number,
  count: number,
): Promise<string[]> {
  const layout = await templateLayout('student-enrollment');
  const keys = new Set(layout.columns.map((c) => c.key));
  const chosen = (await candidates(server, headers, district, schoolYear)).slice(0, count);
  if (chosen.length < count) throw new Error(`district ${district} has too few enrollments to plant`);
  const lines = chosen.map((r) =>
    tsvRow(layout, {
      ...Object.fromEntries(Object.entries(r).filter(([k]) => keys.has(k))),
      end_date: `04/15/${schoolYear}`,
      end_status: '330',
      drop_out_reason: '',
    }),
  );
  await commitLines(server.url, headers, district, 'student-enrollment', 'dropouts.txt', lines);
  return chosen.map((r) => r.student_state_id ?? '');
}

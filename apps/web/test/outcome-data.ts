import { candidates } from './funding-data.ts';
import type { ServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { commitLines } from './upload-api.ts';
import { templateLayout, tsvRow } from './upload-files.ts';

// Known EOY CTE and behavior data for the outcome browser test. The test state is bulk loaded with students and
// enrollments only, so these uploads are the district's whole CTE and behavior collections: every CTE and
// behavior figure on the outcome pages follows from the plan below.

/** CTE credits per pathway: [pathway, district credits, transfer credits] (eoy-cte.yaml). */
type CtePlan = readonly (readonly [string, number, number])[];

// Concentrator: at least 2.0 credits (district + transfer) in one pathway; 1 + 1 in two pathways is not
// (montana-aim.md §2.6 S34, §6.4 R27). Two concentrators of three participants.
const CTE: readonly CtePlan[] = [
  [['AG', 2, 0]],
  [
    ['AG', 1, 0],
    ['BU', 1, 0],
  ],
  [['BU', 1.5, 0.5]],
];

// Reportable: OSS and expulsion for anyone, ISS only with an IEP or 21st CCLC (montana-aim.md §2.7 S15). The
// third student is in neither program: two reportable students of three with a behavior record.
const BEHAVIOR: readonly { resolution: string; days: string }[] = [
  { resolution: 'OSS', days: '3' },
  { resolution: 'EXP', days: '' },
  { resolution: 'ISS', days: '1' },
];

/** A student of the plan with the place the rows were written for. */
export interface KnownOutcomeStudent {
  stateId: string;
  schoolNumber: string;
  concentrator: boolean;
  reportable: boolean;
  resolution: string;
}

/** Uploads the plan's EOY CTE and behavior files for high-school students of `district`. */
export async function loadKnownOutcomeData(
  server: ServerUnderTest,
  headers: SessionHeaders,
  district: string,
  schoolYear: number,
): Promise<KnownOutcomeStudent[]> {
  const rows = await candidates(server, headers, district, schoolYear);
  // Grade 12 first so the students differ from the funding test's (grades 1–11); EOY CTE covers grades 9–12.
  const chosen = rows
    .filter((r) => /^(09|10|11|12)$/.test(r.grade_level ?? ''))
    .toSorted((a, b) => (b.grade_level ?? '').localeCompare(a.grade_level ?? ''))
    .slice(0, CTE.length);
  if (chosen.length < CTE.length) throw new Error(`district ${district} has too few high-school enrollments`);
  const person = (r: Record<string, string>) => ({
    district_number: r.district_number ?? '',
    student_state_id: r.student_state_id ?? '',
    student_local_id: r.student_local_id ?? '',
    last_name: r.last_name ?? '',
    first_name: r.first_name ?? '',
    school_year: String(schoolYear),
  });
  const [cte, behavior] = await Promise.all([templateLayout('eoy-cte'), templateLayout('behavior')]);
  const cteLines = chosen.flatMap((r, i) =>
    CTE[i]!.map(([pathway, dc, tc]) =>
      tsvRow(cte!, {
        ...person(r),
        record_type: 'CE',
        cte_pathway: pathway,
        district_credits: String(dc),
        transfer_credits: String(tc),
        pathway_credits: String(dc + tc),
        cte_concentrator: dc + tc >= 2 ? 'Y' : 'N',
        single_parent: 'N',
        start_date: `09/01/${schoolYear - 1}`,
      }),
    ),
  );
  const behaviorLines = chosen.map((r, i) =>
    tsvRow(behavior!, {
      ...person(r),
      record_type: 'BH',
      school_number: r.school_number ?? '',
      calendar_number: r.calendar_number ?? '',
      incident_id: `INC-${i + 1}`,
      incident_date: `11/03/${schoolYear - 1}`,
      event_code: 'ALC',
      primary_event: 'Y',
      resolution_code: BEHAVIOR[i]!.resolution,
      resolution_start_date: `11/04/${schoolYear - 1}`,
      resolution_duration_days: BEHAVIOR[i]!.days,
    }),
  );
  for (const [template, lines] of [
    ['eoy-cte', cteLines],
    ['behavior', behaviorLines],
  ] as const) {
    await commitLines(server.url, headers, district, template, `${template}.txt`, [...lines]);
  }
  return chosen.map((r, i) => ({
    stateId: r.student_state_id ?? '',
    schoolNumber: r.school_number ?? '',
    concentrator: CTE[i]!.some(([, dc, tc]) => dc + tc >= 2),
    reportable: BEHAVIOR[i]!.resolution !== 'ISS',
    resolution: BEHAVIOR[i]!.resolution,
  }));
}

/** A cohort member of the plan: whether they graduated in time with a regular diploma. */
export interface KnownCohortStudent {
  stateId: string;
  graduate: boolean;
}

/**
 * Re-uploads three upper-grade enrollments of `district` as a known 4-year cohort: first entered grade 9 in August
 * four school years back (the ACGR cohort ending in `schoolYear`), two with a regular diploma (end status 400,
 * diploma type 01) in May, one still enrolled. Only the ninth-grade entry date decides cohort membership. The bulk-loaded history has no ninth-grade entry dates, so these
 * three are the district's whole cohort.
 */
export async function loadKnownCohort(
  server: ServerUnderTest,
  headers: SessionHeaders,
  district: string,
  schoolYear: number,
): Promise<KnownCohortStudent[]> {
  const layout = await templateLayout('student-enrollment');
  const keys = new Set(layout.columns.map((c) => c.key));
  const seniors = (await candidates(server, headers, district, schoolYear))
    .filter((r) => r.grade_level === '12' || r.grade_level === '11')
    .slice(-3);
  if (seniors.length < 3) throw new Error(`district ${district} has too few high-school students`);
  const lines = seniors.map((r, i) => {
    const row = Object.fromEntries(Object.entries(r).filter(([k]) => keys.has(k) && k !== 'record_type'));
    const diploma =
      i < 2
        ? {
            end_date: `05/31/${schoolYear}`,
            end_status: '400',
            diploma_date: `05/31/${schoolYear}`,
            diploma_type: '01',
            diploma_period: 'R',
          }
        : { end_date: '', end_status: '', diploma_date: '', diploma_type: '', diploma_period: '' };
    return tsvRow(layout, { ...row, date_first_entered_9th_grade: `08/25/${schoolYear - 4}`, ...diploma });
  });
  await commitLines(server.url, headers, district, 'student-enrollment', 'student-enrollment.txt', lines);
  return seniors.map((r, i) => ({ stateId: r.student_state_id ?? '', graduate: i < 2 }));
}

import type { ServerUnderTest } from './server-under-test.ts';
import type { SessionHeaders } from './sign-in.ts';
import { commitLines } from './upload-api.ts';
import { templateLayout, tsvRow } from './upload-files.ts';

// Known count-date and end-of-year attendance data for the funding browser test. The test state is bulk
// loaded with students and enrollments only, so these uploads are the district's whole fall count, spring
// count and EOY attendance: every figure on the funding pages follows from the plan below.

/** One student's planned values and the weights the ANB rules give them (montana-facts.md §3.2–3.3). */
interface Plan {
  fall: { hours: number; absent?: number };
  spring: number;
  fallWeight: number;
  springWeight: number;
  eoy: { enrolled: number; present: number; absent: number };
}

// Weight bands: <180 → 0, 180–359 → 0.25, 360–539 → 0.5, 540–719 → 0.75, ≥720 → 1 (montana-aim.md §8.2);
// an 11th consecutive absence on or before the count date excludes (ARM 10.20.102(4)(b)). In all: fall 3.5,
// spring 5.75; chronically absent (≥ 10% of days enrolled): the second, fourth and sixth.
const PLANS: readonly Plan[] = [
  {
    fall: { hours: 720 },
    spring: 720,
    fallWeight: 1,
    springWeight: 1,
    eoy: { enrolled: 180, present: 170, absent: 10 },
  },
  {
    fall: { hours: 600 },
    spring: 720,
    fallWeight: 0.75,
    springWeight: 1,
    eoy: { enrolled: 180, present: 160, absent: 20 },
  },
  {
    fall: { hours: 400 },
    spring: 720,
    fallWeight: 0.5,
    springWeight: 1,
    eoy: { enrolled: 180, present: 180, absent: 0 },
  },
  {
    fall: { hours: 720, absent: 12 },
    spring: 720,
    fallWeight: 0,
    springWeight: 1,
    eoy: { enrolled: 180, present: 150, absent: 30 },
  },
  {
    fall: { hours: 1080 },
    spring: 1080,
    fallWeight: 1,
    springWeight: 1,
    eoy: { enrolled: 180, present: 175, absent: 5 },
  },
  {
    fall: { hours: 200 },
    spring: 540,
    fallWeight: 0.25,
    springWeight: 0.75,
    eoy: { enrolled: 180, present: 160, absent: 20 },
  },
];

/** A planned student with the enrollment the rows were written for. */
export interface KnownStudent extends Plan {
  stateId: string;
  schoolNumber: string;
  budgetUnit: 'elementary' | 'high_school';
}

/** Parses MM/DD/YYYY or ISO dates of an extract into ISO. */
function iso(date: string): string {
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  return us ? `${us[3]}-${us[1]}-${us[2]}` : date;
}

/**
 * Enrollments that surely span both count dates of the year and count on their own: primary, started by
 * September, not ended before March, not a no-show or extracurricular-only, of a pupil with one enrollment in the district.
 */
export async function candidates(
  server: ServerUnderTest,
  headers: SessionHeaders,
  district: string,
  schoolYear: number,
) {
  const layout = await templateLayout('student-enrollment');
  const response = await fetch(
    new URL(`/api/v1/districts/${district}/extracts/student-enrollment.tsv`, server.url),
    {
      headers,
    },
  );
  if (response.status !== 200) throw new Error(`enrollment extract answered ${response.status}`);
  const rows = (await response.text())
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) =>
      Object.fromEntries(line.split('\t').map((cell, i) => [layout.columns[i]?.key ?? '', cell])),
    );
  const perStudent = new Map<string, number>();
  for (const r of rows)
    perStudent.set(r.student_state_id ?? '', (perStudent.get(r.student_state_id ?? '') ?? 0) + 1);
  return rows.filter(
    (r) =>
      perStudent.get(r.student_state_id ?? '') === 1 &&
      r.service_type === 'P' &&
      ((r.end_date ?? '') === '' || iso(r.end_date ?? '') >= `${schoolYear}-03-01`) &&
      iso(r.start_date ?? '') <= `${schoolYear - 1}-09-30` &&
      r.no_show !== 'Y' &&
      r.extracurricular_only !== 'Y',
  );
}

/** Uploads the plan's fall count, spring count and EOY attendance; returns the students it used. */
export async function loadKnownFundingData(
  server: ServerUnderTest,
  headers: SessionHeaders,
  district: string,
  schoolYear: number,
  plans = PLANS.length,
): Promise<KnownStudent[]> {
  const rows = await candidates(server, headers, district, schoolYear);
  // Grades 1–11 keep clear of the kindergarten and age-19 exclusions.
  const chosen = rows.filter((r) => /^(0[1-9]|1[01])$/.test(r.grade_level ?? '')).slice(0, plans);
  if (chosen.length < plans) throw new Error(`district ${district} has too few plain enrollments`);
  const picked = chosen.map((r, i) => ({
    r,
    plan: PLANS[i]!,
    budgetUnit: Number(r.grade_level) >= 9 ? ('high_school' as const) : ('elementary' as const),
  }));
  const prefix = (r: Record<string, string>) => ({
    district_number: r.district_number ?? '',
    school_number: r.school_number ?? '',
    calendar_number: r.calendar_number ?? '',
    student_state_id: r.student_state_id ?? '',
    student_local_id: r.student_local_id ?? '',
    last_name: r.last_name ?? '',
    first_name: r.first_name ?? '',
    start_date: r.start_date ?? '',
    school_year: String(schoolYear),
  });
  const [fall, spring, eoy] = await Promise.all(
    ['fall-count', 'spring-count', 'eoy-attendance'].map((t) => templateLayout(t)),
  );
  const files: [string, string[]][] = [
    [
      'fall-count',
      picked.map(({ r, plan }) =>
        tsvRow(fall!, {
          ...prefix(r),
          fall_aggregate_hours: String(plan.fall.hours),
          fall_absent: String(plan.fall.absent ?? 0),
          exclude_fall_anb: (plan.fall.absent ?? 0) > 10 ? 'Y' : 'N',
        }),
      ),
    ],
    [
      'spring-count',
      picked.map(({ r, plan }) =>
        tsvRow(spring!, { ...prefix(r), spring_aggregate_hours: String(plan.spring) }),
      ),
    ],
    [
      'eoy-attendance',
      picked.map(({ r, plan }) =>
        tsvRow(eoy!, {
          ...prefix(r),
          ada_days_enrolled: String(plan.eoy.enrolled),
          ada_days_present: String(plan.eoy.present),
          essa_days_absent: String(plan.eoy.absent),
        }),
      ),
    ],
  ];
  for (const [template, lines] of files) {
    await commitLines(server.url, headers, district, template, `${template}.txt`, lines);
  }
  return picked.map(({ r, plan, budgetUnit }) => ({
    ...plan,
    stateId: r.student_state_id ?? '',
    schoolNumber: r.school_number ?? '',
    budgetUnit,
  }));
}

import type { StudentRecord, TemplateDetail } from '@bitterroot/contracts';
import { enrollmentsOf, type EnrollmentRow } from './enrollments-table.tsx';
import { CONTEXT_KEYS, initialValues, type StoredRow } from './entry-values.ts';

/** What the entry page asks for: a template, maybe an enrollment and a stored record, maybe a withdrawal. */
export interface EntryRequest {
  templateId: string;
  enrollmentId: number | null;
  recordId: number | null;
  withdraw: boolean;
  schoolYear: number;
  district: string;
}

/** How the generated form is set up for one task. */
export interface EntrySetup {
  initial: Record<string, string>;
  context: ReadonlySet<string>;
  first: readonly string[];
  hidden: ReadonlySet<string>;
  submitLabel: string;
  enrollment: EnrollmentRow | undefined;
}

const WITHDRAW_FIELDS = ['end_date', 'end_status', 'drop_out_reason'];

/** The identity as a Student Demographic row (template keys), for editing the identity. */
function identityRow(record: StudentRecord): StoredRow {
  const i = record.identity;
  return {
    student_local_id: i.localId,
    last_name: i.lastName,
    first_name: i.firstName,
    middle_name: i.middleName,
    birth_date: i.birthDate,
    gender: i.gender,
    hispanic: i.hispanic,
    race_codes: i.raceCodes,
  };
}

/** Sets up the form for the request from the student's record and the template's definition. */
export function entrySetup(req: EntryRequest, template: TemplateDetail, record: StudentRecord): EntrySetup {
  const enrollment = enrollmentsOf(record).find((e) => e.own && e.enrollmentId === req.enrollmentId);
  const stored =
    req.templateId === 'student-demographics'
      ? identityRow(record)
      : req.templateId === 'student-enrollment'
        ? (enrollment?.stored ?? undefined)
        : record.records.find((r) => r.template === req.templateId && r.row.id === req.recordId)?.row;
  const i = record.identity;
  const initial = initialValues(template.id, template.fields, {
    district: req.district,
    schoolYear: req.schoolYear,
    identity: {
      stateId: String(i.stateId),
      localId: (i.localId as string | null) ?? null,
      lastName: String(i.lastName),
      firstName: String(i.firstName),
    },
    enrollment: enrollment && {
      schoolNumber: enrollment.schoolNumber,
      calendarNumber: enrollment.calendarNumber,
      gradeLevel: enrollment.gradeLevel,
      startDate: enrollment.startDate,
      schoolYear: enrollment.schoolYear,
    },
    row: stored,
  });
  let context: ReadonlySet<string> = CONTEXT_KEYS;
  if (req.templateId === 'student-demographics')
    context = new Set(['record_type', 'district_number', 'student_state_id']);
  // An enrollment is identified by its school, calendar, grade and start date: editing keeps them.
  if (req.templateId === 'student-enrollment' && enrollment)
    context = new Set([...CONTEXT_KEYS, 'grade_level', 'start_date']);
  const withdraw = req.withdraw && req.templateId === 'student-enrollment' && enrollment !== undefined;
  const hidden = withdraw
    ? new Set(template.fields.map((f) => f.key).filter((k) => !WITHDRAW_FIELDS.includes(k)))
    : new Set<string>();
  return {
    initial,
    context,
    first: withdraw ? WITHDRAW_FIELDS : [],
    hidden,
    submitLabel: withdraw ? 'Withdraw' : stored ? 'Save changes' : 'Save',
    enrollment,
  };
}

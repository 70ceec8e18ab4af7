/**
 * Where a finding is seen and fixed (issue 6 §3): the student's record page, and the screen that corrects the
 * record: the hand-entry form of its template (with the record and its enrollment), the identity form, or, for
 * staff, course and section records, the district's staff-and-courses entry of that record type. Links are
 * web-app paths in the viewing district, so a district never gets a link into another district's pages.
 */
import { RECORD_STORES } from '../student-records/record-stores.ts';

/** The stored facts of a finding the links are built from. */
export type LinkFacts = {
  district: string;
  studentId: number | null;
  otherStudentId: number | null;
  recordTable: string;
  recordId: number | null;
  enrollmentId: number | null;
};

/** A finding's record page and fix screen (null when there is none, e.g. a district-wide count). */
export type FindingLinks = { recordLink: string | null; fixLink: string | null };

const TEMPLATE_OF = new Map(RECORD_STORES.map((s) => [s.table, s.template]));

const query = (params: Record<string, number | null>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/**
 * The links for a district viewing the finding (`viewer`; null: the owner's view, for state staff). The owner
 * gets the form of the very record; the other district of a cross-district finding gets its own student's
 * page (where it can withdraw or correct its side) or its own identity form for identity findings.
 */
export function findingLinks(f: LinkFacts, viewer: string | null): FindingLinks {
  const district = viewer ?? f.district;
  const own = district === f.district;
  const student = own ? f.studentId : (f.otherStudentId ?? f.studentId);
  const template = TEMPLATE_OF.get(f.recordTable);
  if (student === null) {
    if (!own) return { recordLink: null, fixLink: null };
    const fix = template
      ? `/districts/${district}/staff-courses?type=${encodeURIComponent(template)}`
      : `/districts/${district}/upload`;
    return { recordLink: null, fixLink: fix };
  }
  const page = `/districts/${district}/students/${student}`;
  if (f.recordTable === 'student') return { recordLink: page, fixLink: `${page}/entry/student-demographics` };
  if (!own) return { recordLink: page, fixLink: page };
  if (f.recordTable === 'enrollment')
    return {
      recordLink: page,
      fixLink: `${page}/entry/student-enrollment${query({ enrollment: f.recordId })}`,
    };
  if (template)
    return {
      recordLink: page,
      fixLink: `${page}/entry/${template}${query({ record: f.recordId, enrollment: f.enrollmentId })}`,
    };
  return { recordLink: page, fixLink: page };
}

import type {
  EnrollmentPlace,
  HandEntryResult,
  HandEntryUndo,
  IdentityCandidate,
  StudentHit,
  StudentRecord,
} from '@bitterroot/contracts';
import { getJson, sendJson, withQuery } from '../../lib/api.ts';

/** Where the user works with students: a district, narrowed to one school for school users. */
export interface StudentPlace {
  district: string;
  /** Set for school users, whose requests name their school (`?school=`). */
  school: string | null;
}

const base = (place: StudentPlace) => `/api/v1/districts/${encodeURIComponent(place.district)}`;
const school = (place: StudentPlace) => place.school ?? undefined;

/** Students by state ID, local ID or name prefix ("smith, jo"). */
export async function searchStudents(
  place: StudentPlace,
  q: string,
  signal?: AbortSignal,
): Promise<StudentHit[]> {
  const path = withQuery(`${base(place)}/students`, { q, school: school(place), limit: 100 });
  return (await getJson<{ students: StudentHit[] }>(path, signal)).students;
}

/** One student's record; `reveal` unmasks the protected fields (the server logs it). */
export async function getStudentRecord(
  place: StudentPlace,
  id: number,
  reveal: boolean,
  signal?: AbortSignal,
): Promise<StudentRecord> {
  const path = withQuery(`${base(place)}/students/${id}`, {
    reveal: reveal ? 'true' : undefined,
    school: school(place),
  });
  return await getJson<StudentRecord>(path, signal);
}

/** Saves rows of one template through the upload pipeline (same rules as a file); findings come back. */
export async function enterRows(
  place: StudentPlace,
  template: string,
  rows: Record<string, string>[],
): Promise<HandEntryResult> {
  const path = withQuery(`${base(place)}/entries/${encodeURIComponent(template)}`, { school: school(place) });
  return await sendJson<HandEntryResult>('POST', path, { rows });
}

/** Takes back the user's newest entry; ApiError 409 when the records changed since. */
export async function undoLastEntry(place: StudentPlace): Promise<HandEntryUndo> {
  return await sendJson<HandEntryUndo>(
    'POST',
    withQuery(`${base(place)}/entries/undo`, { school: school(place) }),
  );
}

/** The person about to be created, for "is this one of these students?". */
export interface CandidateQuery {
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string;
  gender?: string;
}

/** Statewide students the person may already be, best first. */
export async function findCandidates(
  place: StudentPlace,
  person: CandidateQuery,
  signal?: AbortSignal,
): Promise<IdentityCandidate[]> {
  const path = withQuery(`${base(place)}/identity-candidates`, { ...person, school: school(place) });
  return (await getJson<{ candidates: IdentityCandidate[] }>(path, signal)).candidates;
}

/** The hand-entry school year and its school calendars the user may enroll students in. */
export async function listPlaces(
  place: StudentPlace,
  signal?: AbortSignal,
): Promise<{ schoolYear: number; places: EnrollmentPlace[] }> {
  const path = withQuery(`${base(place)}/enrollment-places`, { school: school(place) });
  return await getJson<{ schoolYear: number; places: EnrollmentPlace[] }>(path, signal);
}

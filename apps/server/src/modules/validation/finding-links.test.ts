import { describe, expect, it } from 'vitest';
import { findingLinks, type LinkFacts } from './finding-links.ts';

// issue 6 §3: a finding links to the record and to the screen where it is fixed, in the viewer's district.

const base: LinkFacts = {
  district: '0193',
  studentId: 41,
  otherStudentId: null,
  recordTable: 'enrollment',
  recordId: 7,
  enrollmentId: 7,
};

describe('findingLinks', () => {
  it.each<[string, Partial<LinkFacts>, string | null, string | null, string | null]>([
    [
      'an enrollment finding opens the enrollment form of that enrollment',
      {},
      '0193',
      '/districts/0193/students/41',
      '/districts/0193/students/41/entry/student-enrollment?enrollment=7',
    ],
    [
      'a record finding opens its template form with the record and its enrollment',
      { recordTable: 'eoy_attendance', recordId: 90, enrollmentId: 7 },
      '0193',
      '/districts/0193/students/41',
      '/districts/0193/students/41/entry/eoy-attendance?record=90&enrollment=7',
    ],
    [
      'a roster finding has no enrollment to name',
      { recordTable: 'roster', recordId: 5, enrollmentId: null },
      null,
      '/districts/0193/students/41',
      '/districts/0193/students/41/entry/roster?record=5',
    ],
    [
      'an identity finding opens the identity form',
      { recordTable: 'student', recordId: 41, enrollmentId: null },
      '0193',
      '/districts/0193/students/41',
      '/districts/0193/students/41/entry/student-demographics',
    ],
    [
      "the other district of a duplicate pair gets its own student's identity form",
      { recordTable: 'student', otherStudentId: 55 },
      '0001',
      '/districts/0001/students/55',
      '/districts/0001/students/55/entry/student-demographics',
    ],
    [
      "the other district of an overlap gets its student's page, never the owner's enrollment form",
      {},
      '0001',
      '/districts/0001/students/41',
      '/districts/0001/students/41',
    ],
    [
      'a course finding opens the staff and courses entry of courses',
      { studentId: null, recordTable: 'course', recordId: 3, enrollmentId: null },
      '0193',
      null,
      '/districts/0193/staff-courses?type=course',
    ],
    [
      'a finding on no record type with a form goes to the upload page',
      { studentId: null, recordTable: 'calendar', recordId: 3, enrollmentId: null },
      '0193',
      null,
      '/districts/0193/upload',
    ],
  ])('%s', (_name, over, viewer, recordLink, fixLink) => {
    expect(findingLinks({ ...base, ...over }, viewer)).toEqual({ recordLink, fixLink });
  });
});

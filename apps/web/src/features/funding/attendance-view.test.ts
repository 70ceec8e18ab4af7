import type { School } from '@bitterroot/contracts';
import { describe, expect, it } from 'vitest';
import type { Attendance } from './attendance-view.ts';
import { attendanceHeadline, schoolAttendanceRows } from './attendance-view.ts';

const attendance: Attendance = {
  source: 'live',
  daysEnrolled: 340,
  daysPresent: 310,
  rate: 310 / 340,
  students: 2,
  chronicallyAbsent: 1,
  schools: [
    { schoolNumber: '0202', students: 0, chronic: 0 },
    { schoolNumber: '0101', students: 2, chronic: 1 },
  ],
};

describe('attendance', () => {
  it('gives the EOY rate and the chronic absence rate', () => {
    const h = attendanceHeadline(attendance);
    expect(h.eoyRate).toBeCloseTo(0.9118, 4);
    expect(h.chronicRate).toBe(0.5);
    expect(attendanceHeadline({ ...attendance, rate: null, daysEnrolled: 0, students: 0 })).toEqual({
      eoyRate: null,
      chronicRate: null,
    });
  });

  it('names schools, rates them and sorts with empty rates last', () => {
    const schools = [{ schoolNumber: '0101', name: 'Lincoln' }] as School[];
    const rows = schoolAttendanceRows(attendance, schools, 'rate', 'desc');
    expect(rows.map((r) => [r.schoolNumber, r.name, r.rate])).toEqual([
      ['0101', 'Lincoln', 0.5],
      ['0202', null, null],
    ]);
  });
});

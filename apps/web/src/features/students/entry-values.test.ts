import { describe, expect, it } from 'vitest';
import type { Finding } from '@bitterroot/contracts';
import {
  findingsByField,
  firstInvalid,
  initialValues,
  storedCell,
  toFileDate,
  toIsoDate,
} from './entry-values.ts';

const finding = (over: Partial<Finding>): Finding => ({
  line: 1,
  column: null,
  field: null,
  value: null,
  code: 'X',
  severity: 'fatal',
  message: 'm',
  fix: 'f',
  ...over,
});

describe('hand-entry values', () => {
  it('converts dates between the file and a date input', () => {
    expect(toFileDate('2025-08-27')).toBe('08/27/2025');
    expect(toIsoDate('08/27/2025')).toBe('2025-08-27');
    expect(toIsoDate('8/27/25')).toBe('');
  });

  it('writes stored values as file cells', () => {
    expect(storedCell({ type: 'flag' }, true)).toBe('Y');
    expect(storedCell({ type: 'flag' }, false)).toBe('N');
    expect(storedCell({ type: 'date' }, '2013-05-06')).toBe('05/06/2013');
    expect(storedCell({ type: 'decimal' }, 12.5)).toBe('12.5');
    expect(storedCell({ type: 'text' }, null)).toBe('');
    // Text is kept exactly, markup and formulas included: it is data.
    expect(storedCell({ type: 'text' }, '=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
  });

  it('prefills a record from the stored row, then the student and enrollment', () => {
    const fields = [
      { key: 'record_type', type: 'code' as const },
      { key: 'student_state_id', type: 'digits' as const },
      { key: 'school_number', type: 'digits' as const },
      { key: 'start_date', type: 'date' as const },
      { key: 'title_i', type: 'flag' as const },
    ];
    const ctx = {
      district: '0001',
      schoolYear: 2026,
      identity: { stateId: '123456789', localId: null, lastName: 'A', firstName: 'B' },
      enrollment: {
        schoolNumber: '0101',
        calendarNumber: '001',
        gradeLevel: '05',
        startDate: '2025-08-27',
        schoolYear: 2026,
      },
      row: { title_i: true },
    };
    expect(initialValues('fall-count', fields, ctx)).toEqual({
      student_state_id: '123456789',
      school_number: '0101',
      start_date: '08/27/2025',
      title_i: 'Y',
    });
    expect(initialValues('section-504', fields, ctx).start_date).toBe('');
  });

  it('puts findings under their field and finds the first invalid one in form order', () => {
    const fields = [
      { key: 'end_date', label: 'End Date' },
      { key: 'end_status', label: 'End Status' },
    ];
    const byField = findingsByField(
      [
        finding({ column: 'end_status' }),
        finding({ field: 'End Date', severity: 'warning' }),
        finding({ column: 'end_date' }),
        finding({}),
      ],
      fields,
    );
    expect(byField.get('end_date')).toHaveLength(2);
    expect(byField.get(null)).toHaveLength(1);
    expect(firstInvalid(['end_date', 'end_status'], byField)).toBe('end_date');
    expect(firstInvalid(['end_status', 'end_date'], new Map())).toBeNull();
  });
});

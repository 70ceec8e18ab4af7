import { describe, expect, it } from 'vitest';
import { gradeSpan, recordTypeLabel } from './labels.ts';

describe('recordTypeLabel', () => {
  it.each([
    ['students', 'Students'],
    ['studentDistricts', 'Student districts'],
    ['staff_assignments', 'Staff assignments'],
  ])('%s → %s', (key, label) => {
    expect(recordTypeLabel(key)).toBe(label);
  });
});

describe('gradeSpan', () => {
  it('joins distinct grades with an en dash', () => {
    expect(gradeSpan('K', '08')).toBe('K–08');
    expect(gradeSpan('09', '09')).toBe('09');
  });
});

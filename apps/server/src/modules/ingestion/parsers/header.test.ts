// Header matching against a template: by key or label, ignoring case, spaces and punctuation; every
// problem in one fatal finding that lists what was expected.
import { describe, expect, it } from 'vitest';
import { matchHeader } from './index.ts';
import type { ParseFinding } from './index.ts';

const columns = [
  { key: 'record_type', label: 'Record Type', required: true },
  { key: 'district_number', label: 'District Number', required: true },
  { key: 'student_state_id', label: 'Student State ID', required: true },
  { key: 'student_local_id', label: 'Student Local ID', required: false },
];

function asFinding(r: ReturnType<typeof matchHeader>): ParseFinding {
  if ('mapping' in r) throw new Error('expected a finding');
  return r;
}

describe('matchHeader', () => {
  it('matches labels and keys in any order, case, spacing and punctuation', () => {
    expect(matchHeader(['STUDENT-STATE-ID', ' record type ', 'District_Number'], columns)).toEqual({
      mapping: [1, 2, 0, null],
    });
    expect(
      matchHeader(['record_type', 'district.number', 'Student State I.D.', 'studentLocalId'], columns),
    ).toEqual({ mapping: [0, 1, 2, 3] });
  });

  it('ignores unnamed columns (trailing commas or tabs)', () => {
    expect(matchHeader(['Record Type', '', 'District Number', 'Student State ID', ' '], columns)).toEqual({
      mapping: [0, 2, 3, null],
    });
  });

  it('reports missing and unknown columns together in one fatal finding', () => {
    const f = asFinding(
      matchHeader(['Record Type', 'Dist Num', 'Student State ID', 'Shoe Size'], columns, 2),
    );
    expect(f.code).toBe('HDR-MISSING-COLUMN');
    expect(f.line).toBe(2);
    expect(f.severity).toBe('fatal');
    expect(f.message).toContain('missing required column: "District Number"');
    expect(f.message).toContain('unknown columns: "Dist Num", "Shoe Size"');
    expect(f.message).toContain(
      'Expected columns: Record Type, District Number, Student State ID, Student Local ID (optional)',
    );
    expect(f.fix).not.toBe('');
  });

  it('reports an unknown column alone as HDR-UNKNOWN-COLUMN', () => {
    const f = asFinding(
      matchHeader(['Record Type', 'District Number', 'Student State ID', 'Extra'], columns),
    );
    expect(f.code).toBe('HDR-UNKNOWN-COLUMN');
  });

  it('reports a repeated column', () => {
    const f = asFinding(
      matchHeader(['Record Type', 'District Number', 'Student State ID', 'student_state_id'], columns),
    );
    expect(f.code).toBe('HDR-DUPLICATE-COLUMN');
    expect(f.message).toContain('repeated column: "student_state_id"');
  });
});

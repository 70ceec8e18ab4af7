import { describe, expect, it } from 'vitest';
import { testProfile } from '../../../test/test-profile.ts';
import { keyHash, typedStageColumns } from './upload-staging.ts';

describe('typed staging', () => {
  it('types dates, flags and the state ID as the SQL helpers read the text', async () => {
    const template = (await testProfile()).templates.find((t) => t.id === 'student-enrollment')!;
    const typed = typedStageColumns(template);
    const at = (key: string) => template.columns.findIndex((c) => c.key === key);
    const cells = template.columns.map(() => '');
    cells[at('start_date')] = '08/27/2025';
    cells[at('end_date')] = '02/30/2026';
    cells[at('no_show')] = 'y';
    cells[at('student_state_id')] = '12345';
    const value = (name: string) => typed.find((t) => t.name === name)!.value(cells);
    expect(value('v_start_date')).toBe('2025-08-27');
    expect(value('v_end_date')).toBeNull(); // not a real date: br_to_date gives NULL too
    expect(value('v_no_show')).toBe(true);
    expect(value('sid')).toBe('000012345');
    cells[at('student_state_id')] = '12A45';
    expect(value('sid')).toBeNull();
    // Remembered values are returned again, empty cells are null.
    expect(value('v_start_date')).toBe('2025-08-27');
    cells[at('start_date')] = '';
    expect(value('v_start_date')).toBeNull();
  });

  it('hashes equal keys equally, and no key with an empty cell', () => {
    const hash = keyHash([0, 2]);
    expect(hash(['a', 'x', 'b'])).toBe(hash(['a', 'y', 'b']));
    expect(hash(['a', 'x', 'b'])).not.toBe(hash(['ab', 'x', '']));
    expect(hash(['ab', 'x', 'c'])).not.toBe(hash(['a', 'x', 'bc']));
    expect(hash(['a', 'x', ''])).toBeNull();
    expect(Number.isInteger(hash(['a', 'x', 'b']))).toBe(true);
  });
});

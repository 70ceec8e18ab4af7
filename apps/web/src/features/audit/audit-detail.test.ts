import { describe, expect, it } from 'vitest';
import { detailText } from './audit-detail.ts';

describe('detailText', () => {
  it('lists keys with strings bare and the rest as JSON', () => {
    expect(detailText({ rows: 12, format: 'csv', grant: { role: 'auditor' } })).toBe(
      'rows: 12; format: csv; grant: {"role":"auditor"}',
    );
    expect(detailText({})).toBe('');
  });
});

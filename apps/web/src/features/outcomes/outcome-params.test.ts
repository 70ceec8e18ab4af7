import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOME_PARAMS, isMeasure, outcomeSearch, parseOutcomeParams } from './outcome-params.ts';

describe('outcome page parameters', () => {
  it('reads source, cohort length and year and falls back on bad values', () => {
    expect(parseOutcomeParams(new URLSearchParams('source=certified&years=5&year=2025'))).toEqual({
      source: 'certified',
      years: 5,
      year: 2025,
    });
    expect(parseOutcomeParams(new URLSearchParams('source=x&years=9&year=abc'))).toEqual(
      DEFAULT_OUTCOME_PARAMS,
    );
  });

  it('keeps defaults out of the URL and the cohort length off measures without cohorts', () => {
    expect(outcomeSearch(DEFAULT_OUTCOME_PARAMS, 'graduation')).toBe('');
    const five = { ...DEFAULT_OUTCOME_PARAMS, years: 5, source: 'certified' as const };
    expect(outcomeSearch(five, 'graduation')).toBe('?source=certified&years=5');
    expect(outcomeSearch(five, 'cte')).toBe('?source=certified');
  });

  it('knows the four measures only', () => {
    expect(['graduation', 'dropouts', 'cte', 'behavior'].every(isMeasure)).toBe(true);
    expect(isMeasure('anb')).toBe(false);
  });
});

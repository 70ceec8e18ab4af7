import { describe, expect, it } from 'vitest';
import {
  decidedByText,
  displayDate,
  formatDateTime,
  formatScore,
  formatWeight,
  isoDate,
  outcomeText,
  personName,
  reasonEffect,
  sameValue,
} from './review-labels.ts';

describe('review labels', () => {
  it('names a person as a roster does', () => {
    expect(personName({ lastName: 'Baker', firstName: 'William', middleName: 'J' })).toBe('Baker, William J');
    expect(personName({ lastName: 'Baker', firstName: 'Bill', middleName: null })).toBe('Baker, Bill');
    expect(personName({ lastName: 'Baker', firstName: '', middleName: null })).toBe('Baker');
  });

  it('shows both birth dates in the district file format so a slip is visible digit by digit', () => {
    expect(displayDate('2012-04-09')).toBe('04/09/2012');
    expect(displayDate('4/9/2021')).toBe('04/09/2021');
    expect(displayDate('2013-02-71')).toBe('02/71/2013');
    expect(displayDate('not a date')).toBe('not a date');
    expect(displayDate(null)).toBe('—');
    expect(isoDate('02/17/2031')).toBe('2031-02-17');
    expect(isoDate('17.02.2031')).toBeNull();
  });

  it('compares values ignoring case and spacing only', () => {
    expect(sameValue(' Baker ', 'BAKER')).toBe(true);
    expect(sameValue('José', 'Jose')).toBe(false);
    expect(sameValue(null, '')).toBe(true);
  });

  it('formats scores and signed weights', () => {
    expect(formatScore(0.87)).toBe('0.87');
    expect(formatScore(0.875)).toBe('0.875');
    expect(formatWeight(0.27)).toBe('+0.27');
    expect(formatWeight(-0.1)).toBe('−0.10');
    expect(formatWeight(0)).toBe('±0');
    expect([0.3, -0.05, 0].map(reasonEffect)).toEqual(['same', 'different', 'neutral']);
  });

  it('says what state ID the row now carries, who decided and when', () => {
    const resolution = { stateId: '123456789', by: 'analyst', at: '2026-03-03T21:05:00.000Z' };
    expect(outcomeText({ status: 'linked', resolution })).toBe('Same person: linked to state ID 123456789');
    expect(outcomeText({ status: 'new', resolution })).toBe('New person: new state ID 123456789');
    expect(outcomeText({ status: 'open', resolution: null })).toBe('Waiting for a decision');
    expect(decidedByText(resolution, 'America/Denver')).toBe('Decided by analyst on Mar 3, 2026, 2:05 PM');
    expect(decidedByText({ ...resolution, by: null, at: null })).toBe('Decided');
    expect(decidedByText(null)).toBe('');
    expect(formatDateTime(null)).toBe('—');
  });
});

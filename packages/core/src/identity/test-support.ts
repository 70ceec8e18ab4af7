// Test helpers: a person builder with overrides (ARCHITECTURE §5.8) and the case runner of the score tables.
// Pure on purpose — the tests that need profiles/montana/matching.yaml read it themselves.
import { expect } from 'vitest';
import type { IdentityInput, MatchScore, MatchSettings } from './types.ts';
import { scoreIdentity } from './score.ts';

/** A person with plausible defaults; override what the case is about. */
export function person(overrides: Partial<IdentityInput> = {}): IdentityInput {
  return {
    stateId: null,
    lastName: 'Smith',
    firstName: 'Emma',
    middleName: null,
    birthDate: '2013-02-17',
    gender: 'F',
    ...overrides,
  };
}

/** One row of a score table: two people (as overrides), the expected outcome and reason codes. */
export type ScoreCase = [
  name: string,
  a: Partial<IdentityInput>,
  b: Partial<IdentityInput>,
  decision: MatchScore['decision'],
  method: MatchScore['method'],
  codes: string[],
];

/** Scores a table row and checks decision, method and that the listed reason codes are present. */
export function checkCase(settings: MatchSettings, [, a, b, decision, method, codes]: ScoreCase): MatchScore {
  const result = scoreIdentity(person(a), person(b), settings);
  expect({ decision: result.decision, method: result.method }).toEqual({ decision, method });
  expect(result.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(codes));
  return result;
}

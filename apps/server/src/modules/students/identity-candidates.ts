/**
 * "Is this one of these students?" (issue 9 §3, decision 0055): before a hand-entered student gets a new state
 * ID, the person is scored against everyone statewide born on the same date or one keying slip away — the
 * blocking and scoring the upload's identity matching uses (packages/core identity), not a copy. Candidates
 * carry only what the cross-district lookup may show: name, birth date, state ID and last district.
 */
import { birthDateVariants, scoreIdentity, type MatchSettings, type Principal } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import { recordAudit } from '../access/audit.service.ts';
import { identitiesBornOn } from './hand-entry.repository.ts';

/** The person being entered. */
export type CandidateQuery = {
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string;
  gender?: string;
};

/** One candidate: the lookup's fields, the score and the upload's decision for it. */
export type Candidate = {
  stateId: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  lastDistrict: string | null;
  score: number;
  decision: 'match' | 'review';
};

/** At most this many candidates are shown: more would be a list to browse, not a question. */
const MAX_CANDIDATES = 5;

/** ISO dates one keying slip away from a date (the scorer works on YYYYMMDD digits). */
function datesNear(iso: string): string[] {
  const variants = birthDateVariants(iso.replaceAll('-', '')).map(
    (v) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`,
  );
  return [iso, ...variants];
}

/** Scores the person against the state's identities; returns the likely ones, best first, audited. */
export async function identityCandidates(
  db: Executor,
  settings: MatchSettings | undefined,
  actor: Principal,
  district: string,
  person: CandidateQuery,
  requestId: string,
): Promise<Candidate[]> {
  const incoming = { ...person, middleName: person.middleName ?? null, gender: person.gender ?? null };
  const found = await identitiesBornOn(db, datesNear(person.birthDate));
  const scored: Candidate[] = [];
  for (const c of found) {
    // Without the profile's settings only exact matches count, as in an upload without them.
    const score = settings
      ? scoreIdentity(incoming, c, settings)
      : scoreIdentity(incoming, c, { matchThreshold: 1, reviewThreshold: 1, nicknames: {} });
    if (score.decision === 'new') continue;
    scored.push({
      stateId: c.stateId,
      lastName: c.lastName,
      firstName: c.firstName,
      birthDate: c.birthDate,
      lastDistrict: c.lastDistrict,
      score: Math.round(score.score * 100) / 100,
      decision: score.decision,
    });
  }
  scored.sort((a, b) => b.score - a.score || a.stateId.localeCompare(b.stateId));
  const shown = scored.slice(0, MAX_CANDIDATES);
  await recordAudit(db, [
    {
      userId: actor.userId,
      actor: actor.email,
      action: 'identity-candidates',
      entity: 'student',
      entityId: null,
      districtNumber: district,
      requestId,
      detail: { candidates: shown.length },
    },
  ]);
  return shown;
}

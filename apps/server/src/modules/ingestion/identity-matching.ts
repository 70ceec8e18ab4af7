/**
 * Statewide fuzzy identity matching for Student Demographic rows that no state ID, local ID or exact
 * match resolved: candidates are everyone born on the row's birth date or a one-slip variant of it
 * (blocking), each pair is scored by the pure scorer in packages/core (decision 0021), and the best
 * candidate decides: match (link), review (held for state staff) or new (an ID is issued).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { birthDateVariants, parseMatchSettings, scoreIdentity, type MatchSettings } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import type { StageFiles } from '../../db/stage-files.ts';
import {
  peopleBornOn,
  unresolvedPeople,
  type CandidatePerson,
  type FuzzyDecision,
} from './upload-merge.repository.ts';

/** Reads the profile's matching settings (thresholds, nicknames). */
export async function loadMatchSettings(profileDir: string): Promise<MatchSettings> {
  return parseMatchSettings(parse(await readFile(join(profileDir, 'matching.yaml'), 'utf8')));
}

/** Real ISO dates one keying slip away (the scorer works on YYYYMMDD digits). */
function dateVariants(iso: string): string[] {
  return birthDateVariants(iso.replaceAll('-', '')).map(
    (v) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`,
  );
}

/** Scores the unresolved staged rows (of one file of a wave) against their candidates; returns decisions. */
export async function fuzzyDecisions(
  db: Executor,
  settings: MatchSettings,
  files: StageFiles,
  batchId?: number,
): Promise<FuzzyDecision[]> {
  const people = await unresolvedPeople(db, files, batchId);
  const withDate = people.filter((p) => p.birthDate);
  if (withDate.length === 0) return [];
  const dates = [...new Set(withDate.flatMap((p) => [p.birthDate!, ...dateVariants(p.birthDate!)]))];
  const byDate = new Map<string, CandidatePerson[]>();
  for (const c of await peopleBornOn(db, dates)) {
    if (!c.birthDate) continue;
    byDate.set(c.birthDate, [...(byDate.get(c.birthDate) ?? []), c]);
  }
  const decisions: FuzzyDecision[] = [];
  for (const p of withDate) {
    const candidates = [p.birthDate!, ...dateVariants(p.birthDate!)].flatMap((d) => byDate.get(d) ?? []);
    let best: { c: CandidatePerson; score: ReturnType<typeof scoreIdentity> } | undefined;
    for (const c of candidates) {
      const score = scoreIdentity(p, c, settings);
      if (!best || score.score > best.score.score) best = { c, score };
    }
    if (best && best.score.decision !== 'new')
      decisions.push({
        line: p.line,
        studentId: best.c.id,
        decision: best.score.decision,
        score: best.score.score,
        reasons: best.score.reasons,
      });
  }
  return decisions;
}

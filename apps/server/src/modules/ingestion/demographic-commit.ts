/**
 * The commit of Student Demographic rows, for one upload or a many-file wave (decision 0082), under the
 * identity lock (decision 0064): every row resolved by state or local ID at once, then file by file in the
 * upload order the deterministic match, the fuzzy match and new state IDs, so a child sent by two
 * districts gets the identity the earlier file created; local IDs linked and counted at once.
 */
import type { MatchSettings } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import { countOf, type StageFiles } from '../../db/stage-files.ts';
import { nextSeq } from './batch.repository.ts';
import { fuzzyDecisions } from './identity-matching.ts';
import {
  applyFuzzyDecisions,
  filesWithUnresolved,
  issueIds,
  linkIdentities,
  lockIdentityCommits,
  matchExactly,
  resolveDemographics,
} from './upload-merge.repository.ts';

/** A file whose rows commit, in upload order. */
export type CommittingFile = { batchId: number; district: string };

/** Commits the staged Student Demographic rows of `order`; returns each file's summary. */
export async function commitDemographics(
  trx: Executor,
  files: StageFiles,
  order: readonly CommittingFile[],
  matching: MatchSettings | undefined,
): Promise<Map<number, Record<string, number>>> {
  await lockIdentityCommits(trx);
  const updated = await resolveDemographics(trx, files);
  const assigned = new Map<number, number>();
  // A re-upload resolves (nearly) every row by ID: only files with rows left need the per-file steps.
  const pending = files === 'wave' ? await filesWithUnresolved(trx) : undefined;
  for (const file of order) {
    if (pending && !pending.has(file.batchId)) continue;
    // One upload matched exactly while resolving; a wave matches each file after the ones before it.
    if (files === 'wave') await matchExactly(trx, files, file.batchId);
    if (matching) {
      const decisions = await fuzzyDecisions(trx, matching, files, file.batchId);
      const seq = decisions.length > 0 ? await nextSeq(trx, file.batchId) : 1;
      await applyFuzzyDecisions(trx, file.batchId, file.district, decisions, seq, files);
    }
    assigned.set(file.batchId, await issueIds(trx, files, file.batchId));
  }
  const { linked, matched } = await linkIdentities(trx, files);
  const held = await heldCounts(
    trx,
    order.map((f) => f.batchId),
  );
  return new Map(
    order.map(({ batchId }) => [
      batchId,
      {
        updated: countOf(updated, batchId),
        linked: countOf(linked, batchId),
        matched: countOf(matched, batchId),
        assigned: assigned.get(batchId) ?? 0,
        held: countOf(held, batchId),
      },
    ]),
  );
}

async function heldCounts(db: Executor, batchIds: number[]): Promise<Map<number, number>> {
  const r = await db
    .selectFrom('identity_review')
    .select(['batch_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch_id', 'in', batchIds)
    .groupBy('batch_id')
    .execute();
  return new Map(r.map((x) => [Number(x.batch_id), Number(x.n)]));
}

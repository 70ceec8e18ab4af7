/**
 * Scoring uploaded EWS student data (students not in the system, decision 0071) with the promoted model of
 * each row's grade, through the live path's pure code: `featuresFromUploaded` hands the row to
 * `featuresFromTotals`, then `scoreWithArtifact` gives probability, band and reasons against the state mean.
 */
import type { EwsStudent } from '@bitterroot/contracts';
import { featuresFromUploaded, scoreWithArtifact, type BandedScore, type EwsGrade } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import { currentModels, type StoredModel } from './ews-model.repository.ts';
import {
  readUploadedAt,
  readUploadedOfBatch,
  readUploadedOfYear,
  saveUploadedScores,
  type UploadedRow,
} from './ews-uploaded.repository.ts';

/** An uploaded row with the model that scored it and its score. */
export type ScoredUploaded = { row: UploadedRow; model: StoredModel; score: BandedScore };

/** Scores rows whose grade has a current model; rows of other grades are left unscored. */
export function scoreUploadedRows(
  rows: readonly UploadedRow[],
  models: ReadonlyMap<number, StoredModel>,
): ScoredUploaded[] {
  const scored: ScoredUploaded[] = [];
  for (const row of rows) {
    const model = models.get(row.grade);
    if (!model) continue;
    const features = featuresFromUploaded({ ...row, grade: row.grade as EwsGrade });
    scored.push({ row, model, score: scoreWithArtifact(model.artifact, features) });
  }
  return scored;
}

async function scoreAndSave(db: Executor, rows: readonly UploadedRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const scored = scoreUploadedRows(rows, await currentModels(db));
  await saveUploadedScores(
    db,
    scored.map(({ row, model, score }) => ({
      uploadedId: row.id,
      districtNumber: row.districtNumber,
      schoolYear: row.schoolYear,
      modelId: model.id,
      probability: score.probability,
      band: score.band,
      reasons: score.reasons,
    })),
  );
  return scored.length;
}

/** Scores the rows an upload batch wrote, inside the upload's transaction; returns how many were scored. */
export async function scoreUploadedBatch(trx: Executor, batchId: number): Promise<number> {
  return await scoreAndSave(trx, await readUploadedOfBatch(trx, batchId));
}

/** Re-scores every uploaded row of a school year with the current models (the statewide run). */
export async function scoreUploadedYear(db: Executor, schoolYear: number): Promise<number> {
  return await scoreAndSave(db, await readUploadedOfYear(db, schoolYear));
}

/** Uploaded students of a place at a date as list entries, marked "uploaded", scored with the current models. */
export async function uploadedStudentsAt(
  db: Executor,
  place: { district: string; school: string | null; schoolYear: number; asOf: string },
  models: ReadonlyMap<number, StoredModel>,
): Promise<EwsStudent[]> {
  return scoreUploadedRows(await readUploadedAt(db, place), models).map(({ row, model, score }) => ({
    stateId: '',
    name: `Local ID ${row.localId}`,
    schoolNumber: row.schoolNumber,
    grade: row.grade,
    probability: score.probability,
    band: score.band,
    reasons: score.reasons,
    modelVersion: model.version,
    source: 'uploaded',
    localId: row.localId,
  }));
}

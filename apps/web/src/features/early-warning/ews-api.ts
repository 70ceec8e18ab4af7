import type {
  EwsCohorts,
  EwsComparison,
  EwsIntervention,
  EwsInterventionRequest,
  EwsStudentHistory,
  EwsComparisonOverTime,
  EwsModelCard,
  EwsModelSummary,
  EwsScoreRun,
  EwsStudentsResponse,
  EwsTrainRequest,
  EwsTrainResponse,
} from '@bitterroot/contracts';
import { getJson, sendJson, withQuery } from '../../lib/api.ts';

/** School years the state can train on. */
export async function getCohorts(signal?: AbortSignal): Promise<EwsCohorts> {
  return await getJson<EwsCohorts>('/api/v1/ews/cohorts', signal);
}

/** Every stored model. */
export async function listModels(signal?: AbortSignal): Promise<EwsModelSummary[]> {
  return await getJson<EwsModelSummary[]>('/api/v1/ews/models', signal);
}

/** One model's card. */
export async function getModelCard(id: number, signal?: AbortSignal): Promise<EwsModelCard> {
  return await getJson<EwsModelCard>(`/api/v1/ews/models/${id}`, signal);
}

/** A model against its grade's current model. */
export async function getComparison(id: number, signal?: AbortSignal): Promise<EwsComparison> {
  return await getJson<EwsComparison>(`/api/v1/ews/models/${id}/comparison`, signal);
}

/** Trains candidate models. */
export async function trainModels(body: EwsTrainRequest): Promise<EwsTrainResponse> {
  return await sendJson<EwsTrainResponse>('POST', '/api/v1/ews/models/train', body);
}

/** Makes a model current for its grade. */
export async function promoteModel(id: number): Promise<EwsModelSummary> {
  return await sendJson<EwsModelSummary>('POST', `/api/v1/ews/models/${id}/promote`);
}

/** Scores the whole state as of a date and keeps the run. */
export async function runStateScoring(asOf: string): Promise<EwsScoreRun> {
  return await sendJson<EwsScoreRun>('POST', '/api/v1/ews/score-runs', { asOf });
}

/** Live scores of a district or one of its schools. */
export async function getStudents(
  district: string,
  school: string | null,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<EwsStudentsResponse> {
  const path = `/api/v1/districts/${encodeURIComponent(district)}/ews/students`;
  return await getJson<EwsStudentsResponse>(
    withQuery(path, { school: school ?? undefined, asOf: asOf ?? undefined }),
    signal,
  );
}

/** Flag rates of a district or school beside the state's over time. */
export async function getRatesOverTime(
  district: string,
  school: string | null,
  signal?: AbortSignal,
): Promise<EwsComparisonOverTime> {
  const path = `/api/v1/districts/${encodeURIComponent(district)}/ews/comparison`;
  return await getJson<EwsComparisonOverTime>(withQuery(path, { school: school ?? undefined }), signal);
}

/** One student's risk trend and interventions in a district (or school). */
export async function getStudentHistory(
  district: string,
  stateId: string,
  school: string | null,
  signal?: AbortSignal,
): Promise<EwsStudentHistory> {
  const path = `/api/v1/districts/${encodeURIComponent(district)}/ews/students/${encodeURIComponent(stateId)}/history`;
  return await getJson<EwsStudentHistory>(withQuery(path, { school: school ?? undefined }), signal);
}

/** Records an intervention for a student. */
export async function recordIntervention(
  district: string,
  stateId: string,
  school: string | null,
  body: EwsInterventionRequest,
): Promise<EwsIntervention> {
  const path = `/api/v1/districts/${encodeURIComponent(district)}/ews/students/${encodeURIComponent(stateId)}/interventions`;
  return await sendJson<EwsIntervention>('POST', withQuery(path, { school: school ?? undefined }), body);
}

/** Where the flagged students list downloads as CSV (the server audits each download). */
export function studentsCsvUrl(
  district: string,
  school: string | null,
  asOf: string | null,
  band: string | null,
): string {
  const path = `/api/v1/districts/${encodeURIComponent(district)}/ews/students.csv`;
  return withQuery(path, { school: school ?? undefined, asOf: asOf ?? undefined, band: band ?? undefined });
}

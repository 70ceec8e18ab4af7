/**
 * Student and staff records beyond identity and enrollment (issue: every Montana record type): validating
 * and committing an upload's staged rows inside the upload's transaction, through the record store of its
 * template (record-stores.ts).
 */
import type { Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { runRowChecks } from '../../db/row-checks.ts';
import { clearYear, mergeRecords, recordSubmission } from './record-merge.repository.ts';
import { resolveParents } from './record-parents.repository.ts';
import { storeChecks } from './record-rules.repository.ts';
import { recordStoreOf, type RecordStore } from './record-stores.ts';
import { scoreUploadedBatch } from '../early-warning/ews-uploaded.service.ts';

/** Where an upload of this template is stored, if the template is a stored record type. */
export function storeFor(template: Template): RecordStore | undefined {
  return recordStoreOf(template.id);
}

/** True when a header-only file of this template is a valid "nothing to report" submission. */
export function acceptsEmptySubmission(templateId: string): boolean {
  return recordStoreOf(templateId)?.emptyIsSubmission === true;
}

/** Finds the staged rows' parents and writes findings for every rule the rows break; returns the count. */
export async function validateStagedRecords(
  trx: Executor,
  store: RecordStore,
  template: Template,
  scope: { district: string; schoolYear: number; batchId: number; firstSeq: number; rows?: number },
): Promise<number> {
  await resolveParents(trx, store, scope.district, scope.schoolYear, scope.rows);
  return await runRowChecks(
    trx,
    template,
    storeChecks(store, template, scope.district, scope.schoolYear),
    { batchId: scope.batchId, district: scope.district },
    scope.firstSeq,
  );
}

/** Merges validated staged rows into the store's table and notes the submission; returns counts. */
export async function commitStagedRecords(
  trx: Executor,
  store: RecordStore,
  template: Template,
  scope: { district: string; schoolYear: number; batchId: number; rows: number },
): Promise<Record<string, number>> {
  const outcome = await mergeRecords(trx, store, template, scope, scope.rows);
  await recordSubmission(trx, scope.district, scope.schoolYear, template.id, scope.batchId, scope.rows);
  // Uploaded EWS students are scored in the same transaction: committed rows always carry a score when a
  // model of their grade is current (decision 0071).
  if (store.template === 'ews-student-data')
    return { ...outcome, scored: await scoreUploadedBatch(trx, scope.batchId) };
  return outcome;
}

/** Notes an explicit "nothing to report" (a header-only file of a template that allows it). */
export async function commitEmptySubmission(
  trx: Executor,
  store: RecordStore,
  scope: { district: string; schoolYear: number; batchId: number },
): Promise<void> {
  // "Nothing to report" replaces the year too: a district that had incidents and now has none sends an empty file.
  if (store.mode === 'replace-year') await clearYear(trx, store, scope.district, scope.schoolYear);
  await recordSubmission(trx, scope.district, scope.schoolYear, store.template, scope.batchId, 0);
}

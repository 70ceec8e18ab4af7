/**
 * A header-only file is an explicit "nothing to report" for record types that allow it (extracurricular,
 * behavior: montana-aim.md §2.5, §2.7 — certification is required even with zero participants or
 * incidents). With no data row there is no record type to read, so the template comes from the request or
 * the file name.
 */
import type { Profile, Template } from '@bitterroot/contracts';
import type { Database } from '../../db/database.ts';
import {
  acceptsEmptySubmission,
  commitEmptySubmission,
  storeFor,
} from '../student-records/student-records.service.ts';
import { finishBatch, setBatchStatus } from './batch.repository.ts';
import type { ParseFinding } from './parsers/index.ts';
import type { UploadRequest } from './upload.service.ts';

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The template a file name names (`extracurricular.tsv`, `Behavior 2026.txt`), longest id first. */
export function templateFromFileName(profile: Profile, fileName: string): Template | undefined {
  const name = squash(fileName.replace(/\.[^.]*$/, ''));
  return [...profile.templates]
    .sort((a, b) => b.id.length - a.id.length)
    .find((t) => name.includes(squash(t.id)) || name.includes(squash(t.name)));
}

/** Commits (or, on a dry run, validates) a "nothing to report" batch; false when the file is not one. */
export async function acceptEmptySubmission(
  db: Database['db'],
  profile: Profile,
  request: UploadRequest,
  batchId: number,
  problem: ParseFinding,
): Promise<boolean> {
  if (problem.code !== 'FILE-NO-ROWS') return false;
  const template = request.templateId
    ? profile.templates.find((t) => t.id === request.templateId)
    : templateFromFileName(profile, request.fileName);
  const store = template && storeFor(template);
  if (!template || !store || !acceptsEmptySubmission(template.id)) return false;
  await setBatchStatus(db, batchId, 'validating', template.id);
  const summary = { nothingToReport: 1 };
  if (request.dryRun) {
    await finishBatch(db, batchId, { status: 'validated', rowsTotal: 0, rowsRejected: 0, summary });
    return true;
  }
  await db.transaction().execute(async (trx) => {
    await commitEmptySubmission(trx, store, {
      district: request.district,
      schoolYear: request.schoolYear,
      batchId,
    });
    await finishBatch(trx, batchId, { status: 'committed', rowsTotal: 0, rowsRejected: 0, summary });
  });
  return true;
}

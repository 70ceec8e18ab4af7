/** Uploads over HTTP: start a batch from a stored file, read its status and findings, export results. */
import { rm } from 'node:fs/promises';
import type { Profile, Upload } from '@bitterroot/contracts';
import type { MatchSettings } from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import { findBatch, newStateIds } from './batch.repository.ts';
import { findingsTable, type ExportTable } from './findings-export.ts';
import { liveProgress, resultOf, runUpload } from './upload.service.ts';

/** The uploads service bound to a database, profile and school year. */
export function uploadsService(
  database: Database,
  profile: Profile,
  schoolYear: number,
  matching?: MatchSettings,
) {
  return {
    /** Starts processing a received file; resolves with the batch id once the batch exists. */
    async start(
      district: string,
      path: string,
      fileName: string,
      options: { templateId?: string; dryRun: boolean },
    ): Promise<number> {
      return await new Promise<number>((resolve, reject) => {
        let started = false;
        runUpload(
          database,
          profile,
          {
            path,
            fileName,
            district,
            schoolYear,
            templateId: options.templateId,
            dryRun: options.dryRun,
            matching,
          },
          (id) => {
            started = true;
            resolve(id);
          },
        )
          .catch((e: unknown) => {
            if (!started) reject(e as Error);
          })
          .finally(() => rm(path, { force: true }));
      });
    },
    /** A district's batch with live progress, or undefined when it is not that district's. */
    async get(district: string, batchId: number): Promise<Upload | undefined> {
      if (!(await findBatch(database.db, district, batchId))) return undefined;
      const result = await resultOf(database, district, batchId);
      // Read live progress last, and only for batches still running, so it is never staler than the status.
      const running = ['received', 'parsing', 'validating', 'committing'].includes(result.status);
      return { ...result, progress: running ? (liveProgress(batchId) ?? null) : null };
    },
    /** Findings of a district's batch as an export table. */
    async findingsExport(district: string, batchId: number): Promise<ExportTable | undefined> {
      if (!(await findBatch(database.db, district, batchId))) return undefined;
      return findingsTable((await resultOf(database, district, batchId)).findings);
    },
    /** The state IDs a district's Student Demographic batch issued. */
    async newStateIdsExport(district: string, batchId: number): Promise<ExportTable | undefined> {
      if (!(await findBatch(database.db, district, batchId))) return undefined;
      const rows = await newStateIds(database.db, batchId);
      return {
        sheet: 'New state IDs',
        header: ['Local ID', 'Last name', 'First name', 'State ID'],
        rows: rows.map((r) => [r.localId, r.lastName, r.firstName, r.stateId]),
      };
    },
  };
}

/** The service's type. */
export type UploadsService = ReturnType<typeof uploadsService>;

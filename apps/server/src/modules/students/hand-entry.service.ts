/**
 * Hand entry ("Montana Edition", issue 9 §3): rows typed in the browser go through the very upload pipeline a
 * file does — same parser, same identity matching before a new state ID, same rules, same atomic commit — as a
 * small CSV written for the purpose. Nothing about validation is copied here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '@bitterroot/contracts';
import type { MatchSettings, Principal } from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../access/audit.service.ts';
import { runUpload, type UploadResult } from '../ingestion/upload.service.ts';

/** Outcome of an entry: the pipeline's result, or an unknown template. */
export type EntryOutcome =
  | { kind: 'done'; result: UploadResult }
  | { kind: 'unknown-template' }
  | { kind: 'unknown-column'; columns: string[] };

// Plain RFC 4180 quoting: this file is read back by our own parser, so nothing is neutralised (that is for
// spreadsheets opening exports) and the typed text is stored exactly.
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The hand-entry service. */
export function handEntryService(
  database: Database,
  profile: Profile,
  schoolYear: number,
  matching?: MatchSettings,
) {
  return {
    /** Validates (dry run) or saves rows of one template for a district, as one atomic submission. */
    async enter(
      actor: Principal,
      district: string,
      templateId: string,
      rows: readonly Record<string, string>[],
      dryRun: boolean,
      requestId: string,
    ): Promise<EntryOutcome> {
      const template = profile.templates.find((t) => t.id === templateId);
      if (!template) return { kind: 'unknown-template' };
      const known = new Set(template.columns.map((c) => c.key));
      const unknown = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !known.has(k));
      if (unknown.length) return { kind: 'unknown-column', columns: unknown };
      const lines = [
        template.columns.map((c) => quote(c.label)).join(','),
        // The record type column names the template; the form does not ask for it.
        ...rows.map((r) =>
          template.columns
            .map((c) => quote(c.key === 'record_type' ? template.recordType : (r[c.key] ?? '')))
            .join(','),
        ),
      ];
      const dir = await mkdtemp(join(tmpdir(), 'bitterroot-entry-'));
      const path = join(dir, `${templateId}.csv`);
      try {
        await writeFile(path, lines.join('\r\n') + '\r\n', 'utf8');
        const result = await runUpload(database, profile, {
          path,
          fileName: `hand entry (${template.name}).csv`,
          district,
          schoolYear,
          templateId,
          dryRun,
          matching,
        });
        if (!dryRun)
          await recordAudit(database.db, [
            {
              userId: actor.userId,
              actor: actor.email,
              action: 'hand-entry',
              entity: templateId,
              entityId: String(result.batchId),
              districtNumber: district,
              requestId,
              // The new values are in the batch's stored rows; the log keeps what changed, not the PII itself.
              detail: { rows: rows.length, committed: result.committed, summary: result.summary },
            },
          ]);
        return { kind: 'done', result };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The service's type. */
export type HandEntryService = ReturnType<typeof handEntryService>;

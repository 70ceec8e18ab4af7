/**
 * The count and attendance records of a generated state, loaded through the upload pipeline after the demo's
 * bulk load (which carries students, enrollments and staff only). Without them every enrollment that spans a
 * count date or has ended lacks its Fall/Spring Count row and its EOY Attendance Totals (montana-aim.md §6.4
 * R09, R20), so two rules fire for nearly every student: ≈445,000 of ≈495,000 findings on the Montana state,
 * which no real collection window shows (districts submit those files, §4.2, §5.1). The validation benchmark
 * loads them so that it measures a state with realistic findings.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../apps/server/src/db/database.ts';
import { importMany } from '../apps/server/src/modules/ingestion/import-many.service.ts';
import type { UploadRequest } from '../apps/server/src/modules/ingestion/upload.service.ts';
import { fillStateIds, stateIdsByLocalId } from './fill-state-ids.ts';

/** The templates the bulk load leaves out that R09 and R20 read. */
export const COUNT_TEMPLATES = ['fall-count', 'spring-count', 'eoy-attendance'] as const;

/**
 * Uploads every district's count and attendance files (state IDs filled in as a district would), without the
 * re-check; returns the rows committed per template. The caller's run validates afterwards.
 */
export async function loadCountRecords(
  database: Database,
  profile: Profile,
  dir: string,
  year: number,
): Promise<Record<string, number>> {
  const districts = (await readdir(join(dir, 'districts'))).filter((d) => /^\d{4}$/.test(d)).sort();
  const work = await mkdtemp(join(tmpdir(), 'bitterroot-count-records-'));
  const rows: Record<string, number> = {};
  try {
    const byDistrict = new Map<string, Map<string, string>>();
    for (const d of districts) byDistrict.set(d, await stateIdsByLocalId(database.db, d));
    for (const id of COUNT_TEMPLATES) {
      const template = profile.templates.find((t) => t.id === id);
      if (!template) throw new Error(`template ${id} is not in the profile`);
      const requests: UploadRequest[] = [];
      for (const d of districts) {
        const out = join(work, `${d}-${id}.tsv`);
        await fillStateIds(template, join(dir, 'districts', d, `${id}.tsv`), out, byDistrict.get(d)!);
        requests.push({
          path: out,
          fileName: `${id}.tsv`,
          district: d,
          schoolYear: year,
          templateId: id,
          dryRun: false,
        });
      }
      const { results } = await importMany(database, profile, requests, { parallel: 2, validate: false });
      rows[id] = results.reduce((n, r) => n + (r.committed ? r.accepted : 0), 0);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await sql`ANALYZE`.execute(database.db);
  return rows;
}

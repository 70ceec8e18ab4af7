/**
 * Hand entry ("Montana Edition", issue 9 §3): rows typed in the browser go through the very upload pipeline a
 * file does — same parser, same identity matching before a new state ID, same rules, same atomic commit — as a
 * small file written for the purpose. Nothing about validation is copied here. Each saved entry keeps before
 * and after images of what it changed, so its author can undo it (decision 0053).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile, Template } from '@bitterroot/contracts';
import { authorize, type MatchSettings, type Principal } from '@bitterroot/core';
import type { Database, Executor } from '../../db/database.ts';
import { recordAudit } from '../access/audit.service.ts';
import { runUpload, type UploadResult } from '../ingestion/upload.service.ts';
import { writeEntryFile } from './hand-entry-file.ts';
import { changedAnything, diffTable, targetsOf } from './hand-entry-images.ts';
import { entryDenial, writableSchools } from './hand-entry-scope.ts';
import { saveChange, type TableChange } from './hand-entry-undo.repository.ts';
import { undoLastEntry } from './hand-entry-undo.ts';
import {
  enrollmentPlaces,
  snapshotRows,
  studentsCreatedBy,
  studentsNamed,
  type LiveRow,
} from './hand-entry.repository.ts';
import { identityCandidates, type CandidateQuery } from './identity-candidates.ts';

/** Outcome of an entry: the pipeline's result, or why it did not run. */
export type EntryOutcome =
  | { kind: 'done'; result: UploadResult; undoable: boolean }
  | { kind: 'unknown-template' }
  | { kind: 'unknown-column'; columns: string[] }
  | { kind: 'forbidden'; message: string };

/** Images larger than this are not kept: such an entry is too broad to take back row by row. */
const IMAGE_LIMIT = 5000;

type Images = Map<string, LiveRow[]> | null;

async function imagesOf(
  db: Executor,
  template: Template,
  scope: { district: string; schoolYear: number },
  studentIds: number[],
): Promise<Images> {
  const images = new Map<string, LiveRow[]>();
  for (const target of targetsOf(template, scope.district, scope.schoolYear, studentIds)) {
    const rows = await snapshotRows(db, target, IMAGE_LIMIT);
    if (rows.length > IMAGE_LIMIT) return null;
    images.set(target.table, rows);
  }
  return images;
}

const idsNamedBy = (db: Executor, district: string, rows: readonly Record<string, string>[]) =>
  studentsNamed(
    db,
    district,
    rows.map((r) => (r.student_state_id ?? '').trim()).filter(Boolean),
    rows.map((r) => (r.student_local_id ?? '').trim()).filter(Boolean),
  );

/** The hand-entry service. */
export function handEntryService(
  database: Database,
  profile: Profile,
  schoolYear: number,
  matching?: MatchSettings,
) {
  const db = database.db;

  /** Compares the images around a committed batch and stores what the entry changed. */
  async function keepChange(
    actor: Principal,
    template: Template,
    district: string,
    result: UploadResult,
    before: { ids: number[]; images: Images },
    rows: readonly Record<string, string>[],
  ): Promise<{ undoable: boolean; studentIds: number[] }> {
    const created = await studentsCreatedBy(db, result.batchId);
    const ids = [...new Set([...before.ids, ...created, ...(await idsNamedBy(db, district, rows))])];
    const after = before.images && (await imagesOf(db, template, { district, schoolYear }, ids));
    const changes: TableChange[] = [];
    let foreign = !after || !before.images;
    for (const [table, rowsAfter] of after ?? []) {
      const own = { batchId: result.batchId, createdStudents: new Set(created), template };
      const diff = diffTable(table, before.images?.get(table) ?? [], rowsAfter, own);
      changes.push(diff.change);
      foreign ||= diff.foreign;
    }
    // Without images nothing is known about what changed: keep a not-undoable mark, so an undo stops here
    // rather than taking back the entry before this one.
    if (!foreign && !changedAnything(changes)) return { undoable: false, studentIds: ids };
    await saveChange(db, {
      batchId: result.batchId,
      userId: actor.userId,
      district,
      templateId: template.id,
      changes,
      undoable: !foreign,
    });
    return { undoable: !foreign, studentIds: ids };
  }

  return {
    /** The school year hand entries are for (rows name it; the pipeline checks it). */
    schoolYear,

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
      const denial = await entryDenial(db, actor, district, template, rows);
      if (denial) return { kind: 'forbidden', message: denial };
      const scope = { district, schoolYear };
      const ids = dryRun ? [] : await idsNamedBy(db, district, rows);
      const images = dryRun ? null : await imagesOf(db, template, scope, ids);
      const dir = await mkdtemp(join(tmpdir(), 'bitterroot-entry-'));
      try {
        const path = join(dir, `${templateId}.txt`);
        await writeEntryFile(db, profile, template, scope, rows, path);
        const result = await runUpload(database, profile, {
          path,
          fileName: `hand entry (${template.name}).csv`,
          ...scope,
          templateId,
          dryRun,
          matching,
        });
        const kept = result.committed
          ? await keepChange(actor, template, district, result, { ids, images }, rows)
          : { undoable: false, studentIds: ids };
        if (!dryRun)
          await recordAudit(db, [
            {
              userId: actor.userId,
              actor: actor.email,
              action: 'hand-entry',
              entity: templateId,
              entityId: String(result.batchId),
              districtNumber: district,
              // One student's entry shows in that student's audit trail on the record page.
              studentId: kept.studentIds.length === 1 ? (kept.studentIds[0] ?? null) : null,
              requestId,
              // The new values are in the batch's stored rows; the log keeps what changed, not the PII itself.
              detail: { rows: rows.length, committed: result.committed, summary: result.summary },
            },
          ]);
        return { kind: 'done', result, undoable: kept.undoable };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    /** Takes back the caller's newest saved entry in the district (decision 0053). */
    undo: (actor: Principal, district: string, requestId: string) =>
      undoLastEntry(database, profile, schoolYear, actor, district, requestId),

    /** School calendars of this year the caller may enroll students in (a school user: their school's). */
    places(actor: Principal, district: string) {
      const districtWide =
        authorize(actor, 'student:write', { level: 'district', districtNumber: district }) === null;
      return enrollmentPlaces(
        db,
        district,
        schoolYear,
        districtWide ? null : writableSchools(actor, district),
      );
    },

    /** "Is this one of these students?": statewide identities the new student may be (decision 0055). */
    candidates: (actor: Principal, district: string, person: CandidateQuery, requestId: string) =>
      identityCandidates(db, matching, actor, district, person, requestId),
  };
}

/** The service's type. */
export type HandEntryService = ReturnType<typeof handEntryService>;

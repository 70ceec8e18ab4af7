/** Stored models: frozen artifacts per grade and version, one current model per grade (migration 0012). */
import { sql } from 'kysely';
import type { EwsArtifact } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** A stored model row with its artifact. */
export type StoredModel = {
  id: number;
  grade: number;
  version: number;
  status: 'candidate' | 'current' | 'retired';
  artifact: EwsArtifact;
  contentHash: string;
  trainedAt: string;
  promotedAt: string | null;
};

type Row = {
  id: number;
  grade: number;
  version: number;
  status: string;
  artifact: unknown;
  content_hash: string;
  trained_at: string;
  promoted_at: string | null;
};

function toModel(r: Row): StoredModel {
  // jsonb comes back parsed on both drivers; a text value would mean a driver without the json parser.
  const artifact = (typeof r.artifact === 'string' ? JSON.parse(r.artifact) : r.artifact) as EwsArtifact;
  return {
    id: r.id,
    grade: r.grade,
    version: r.version,
    status: r.status as StoredModel['status'],
    artifact,
    contentHash: r.content_hash,
    trainedAt: r.trained_at,
    promotedAt: r.promoted_at,
  };
}

const COLUMNS = [
  'id',
  'grade',
  'version',
  'status',
  'artifact',
  'content_hash',
  'trained_at',
  'promoted_at',
] as const;

/** Stores a new candidate as the grade's next version; returns it. */
export async function insertModel(
  db: Executor,
  artifact: EwsArtifact,
  contentHash: string,
  userId: number | null,
): Promise<StoredModel> {
  const row = await db
    .insertInto('ews_model')
    .values({
      grade: artifact.grade,
      version: sql<number>`(SELECT coalesce(max(version), 0) + 1 FROM ews_model WHERE grade = ${artifact.grade})`,
      artifact: JSON.stringify(artifact),
      content_hash: contentHash,
      trained_by: userId,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toModel(row as Row);
}

/** Every model, newest first within each grade (artifacts included: the list is small, seven per training). */
export async function listModels(db: Executor): Promise<StoredModel[]> {
  const rows = await db
    .selectFrom('ews_model')
    .select(COLUMNS)
    .orderBy('grade')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => toModel(r as Row));
}

/** One model by id. */
export async function findModel(db: Executor, id: number): Promise<StoredModel | null> {
  const row = await db.selectFrom('ews_model').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toModel(row as Row) : null;
}

/** The current model of each grade that has one. */
export async function currentModels(db: Executor): Promise<Map<number, StoredModel>> {
  const rows = await db.selectFrom('ews_model').select(COLUMNS).where('status', '=', 'current').execute();
  return new Map(rows.map((r) => [r.grade, toModel(r as Row)]));
}

/** Retires the grade's current model and makes `id` current, in the caller's transaction. */
export async function promoteModel(db: Executor, id: number, grade: number, userId: number | null) {
  await db
    .updateTable('ews_model')
    .set({ status: 'retired' })
    .where('grade', '=', grade)
    .where('status', '=', 'current')
    .execute();
  await db
    .updateTable('ews_model')
    .set({ status: 'current', promoted_by: userId, promoted_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The stored collection calendar of a school year (montana-aim.md §5.2): computed dates, state adjustments, publication. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** One collection's stored window. */
export type StoredWindow = {
  collectionId: string;
  opens: string;
  closes: string;
  computedOpens: string;
  computedCloses: string;
  milestones: Record<string, string>;
  adjustedAt: string | null;
};

/** Stores the computed calendar of a year unless it is already stored (adjustments are kept). */
export async function ensureCalendar(
  db: Executor,
  schoolYear: number,
  windows: readonly {
    collectionId: string;
    opens: string;
    closes: string;
    milestones: Record<string, string>;
  }[],
): Promise<void> {
  await db
    .insertInto('collection_calendar_year')
    .values({ school_year: schoolYear, published_at: null, published_by: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (windows.length === 0) return;
  await db
    .insertInto('collection_calendar')
    .values(
      windows.map((w) => ({
        school_year: schoolYear,
        collection_id: w.collectionId,
        opens: w.opens,
        closes: w.closes,
        computed_opens: w.opens,
        computed_closes: w.closes,
        milestones: JSON.stringify(w.milestones),
        adjusted_by: null,
        adjusted_at: null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A year's stored calendar and when it was published (null: draft). */
export async function storedCalendar(
  db: Executor,
  schoolYear: number,
): Promise<{ publishedAt: string | null; windows: StoredWindow[] } | null> {
  const year = await db
    .selectFrom('collection_calendar_year')
    .selectAll()
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
  if (!year) return null;
  const rows = await db
    .selectFrom('collection_calendar')
    .selectAll()
    .where('school_year', '=', schoolYear)
    .orderBy('opens')
    .orderBy('collection_id')
    .execute();
  return {
    publishedAt: year.published_at,
    windows: rows.map((r) => ({
      collectionId: r.collection_id,
      opens: r.opens,
      closes: r.closes,
      computedOpens: r.computed_opens,
      computedCloses: r.computed_closes,
      milestones: (typeof r.milestones === 'string' ? JSON.parse(r.milestones) : r.milestones) as Record<
        string,
        string
      >,
      adjustedAt: r.adjusted_at,
    })),
  };
}

/** Moves one collection's window; false when the collection is not in the year's calendar. */
export async function adjustWindow(
  db: Executor,
  schoolYear: number,
  collectionId: string,
  opens: string,
  closes: string,
  by: number | null,
): Promise<boolean> {
  const r = await db
    .updateTable('collection_calendar')
    .set({ opens, closes, adjusted_by: by, adjusted_at: sql`now()` })
    .where('school_year', '=', schoolYear)
    .where('collection_id', '=', collectionId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks a year's calendar published. */
export async function publishCalendar(db: Executor, schoolYear: number, by: number | null): Promise<void> {
  await db
    .updateTable('collection_calendar_year')
    .set({ published_at: sql`now()`, published_by: by })
    .where('school_year', '=', schoolYear)
    .execute();
}

/**
 * Where a snapshot reads each template's live rows (decision 0043): the table, the expression naming a record
 * stably across uploads (the store's identity columns, so a diff matches an updated row to its earlier self), and
 * the bookkeeping columns left out of the frozen row so a re-upload of the same data hashes the same. Each source's
 * rows are frozen into its typed snapshot table `snapshot_<table>` (decision 0080), whose columns are the table's
 * columns minus `omit`, plus `extra`.
 */
import { identityColumns, RECORD_STORES } from '../student-records/record-stores.ts';

/** How one template's rows are read for a snapshot; every string is trusted, static SQL text. */
export type SnapshotSource = {
  template: string;
  /** FROM clause. */
  from: string;
  /** Expression of the row's district. */
  district: string;
  /** Column holding the school year, or null when rows are not per year. */
  yearColumn: string | null;
  /** Text expression of the record key. */
  key: string;
  /** The table whose columns make the frozen row, and its alias in `from`. */
  table: string;
  alias: string;
  /** Bookkeeping columns left out of the frozen row. */
  omit: readonly string[];
  /** Fields added to the frozen row (name → expression), replacing a table column of the same name. */
  extra: Readonly<Record<string, string>>;
};

const keyOf = (cols: readonly string[]) =>
  cols.length === 1 ? `t.${cols[0]}::text` : `concat_ws('|', ${cols.map((c) => `t.${c}`).join(', ')})`;

const BUILT_IN: SnapshotSource[] = [
  {
    template: 'student-demographics',
    // A district's students are the people it has enrolled (student_district, montana-aim.md §1.3).
    from: 'student_district sd JOIN student s ON s.id = sd.student_id',
    district: 'sd.district_number',
    yearColumn: null,
    key: 's.state_id',
    table: 'student',
    alias: 's',
    omit: ['created_at', 'updated_at'],
    extra: { local_id: 'sd.local_id' },
  },
  {
    template: 'student-enrollment',
    from: 'enrollment t',
    district: 't.district_number',
    yearColumn: 't.school_year',
    key: 't.id::text',
    table: 'enrollment',
    alias: 't',
    omit: ['created_at', 'batch_id'],
    extra: {},
  },
];

/** Every template a snapshot can freeze, by template id. */
export const SNAPSHOT_SOURCES: ReadonlyMap<string, SnapshotSource> = new Map(
  [
    ...BUILT_IN,
    ...RECORD_STORES.map((s) => ({
      template: s.template,
      from: `${s.table} t`,
      district: 't.district_number',
      yearColumn: 't.school_year',
      key: keyOf(identityColumns(s)),
      table: s.table,
      alias: 't',
      omit: ['batch_id', 'updated_at'],
      extra: {},
    })),
  ].map((s) => [s.template, s]),
);

/** The sources of a list of templates; templates without live rows (none today) are skipped. */
export function sourcesFor(templates: readonly string[]): SnapshotSource[] {
  return templates.flatMap((t) => {
    const s = SNAPSHOT_SOURCES.get(t);
    return s ? [s] : [];
  });
}

/** The typed table holding a source's frozen rows (migration 0019, decision 0080). */
export const snapshotTable = (source: SnapshotSource): string => `snapshot_${source.table}`;

/**
 * The select list of a source's frozen row, one expression per column of its snapshot table (read from the
 * catalog, in table order): an extra field's expression, the live column of that name, or NULL for a column the
 * live table no longer has. Each is named after its snapshot column.
 */
export function frozenSelect(
  source: SnapshotSource,
  frozenColumns: readonly string[],
  liveColumns: readonly string[],
): string {
  const present = new Set(presentColumns(source, frozenColumns, liveColumns));
  return frozenColumns
    .map((c) => {
      const expr = source.extra[c] ?? (present.has(c) ? `${source.alias}.${quoteIdent(c)}` : 'NULL');
      return `${expr} AS ${quoteIdent(c)}`;
    })
    .join(', ');
}

/** The frozen columns a freeze writes: those with a live column or an extra field (the rest stay NULL). */
export function presentColumns(
  source: SnapshotSource,
  frozenColumns: readonly string[],
  liveColumns: readonly string[],
): string[] {
  const live = new Set(liveColumns);
  return frozenColumns.filter((c) => c in source.extra || live.has(c));
}

/** `ROW(x.a, x.b, …)`: the frozen row over columns selected under alias `x`, whose text form is digested. */
export function frozenRow(alias: string, frozenColumns: readonly string[]): string {
  return `ROW(${frozenColumns.map((c) => `${alias}.${quoteIdent(c)}`).join(', ')})`;
}

/** Quotes a column list for an INSERT or SELECT. */
export const columnList = (alias: string | null, columns: readonly string[]): string =>
  columns.map((c) => (alias === null ? quoteIdent(c) : `${alias}.${quoteIdent(c)}`)).join(', ');

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Collections whose event of school year E certifies the year that ended the June before (E − 1): the Prior-year
 * Graduate / Dropout / Cohort collection opens in October (montana-aim.md §5.2, §2.10; calendar.yaml notes).
 */
const PRIOR_YEAR_COLLECTIONS: ReadonlySet<string> = new Set(['prior-year-graduates']);

/**
 * The school years whose rows an event's snapshot freezes (decision 0062): the event's own year, or for a
 * prior-year collection the reported year E − 1 and the event's year E, whose enrollments starting by Sept 30
 * are the documentation that a dropout re-enrolled.
 */
export function snapshotYears(event: { schoolYear: number; collectionId: string | null }): number[] {
  if (event.collectionId !== null && PRIOR_YEAR_COLLECTIONS.has(event.collectionId))
    return [event.schoolYear - 1, event.schoolYear];
  return [event.schoolYear];
}

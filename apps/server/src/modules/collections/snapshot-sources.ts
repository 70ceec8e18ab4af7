/**
 * Where a snapshot reads each template's live rows (decision 0043): the table, the expression naming a record
 * stably across uploads (the store's identity columns, so a diff matches an updated row to its earlier self), and
 * the bookkeeping columns left out of the frozen row so a re-upload of the same data hashes the same.
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
  /** jsonb expression of the frozen row. */
  row: string;
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
    row: `to_jsonb(s) - 'created_at' - 'updated_at' || jsonb_build_object('local_id', sd.local_id)`,
  },
  {
    template: 'student-enrollment',
    from: 'enrollment t',
    district: 't.district_number',
    yearColumn: 't.school_year',
    key: 't.id::text',
    row: `to_jsonb(t) - 'created_at' - 'batch_id'`,
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
      row: `to_jsonb(t) - 'batch_id' - 'updated_at'`,
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

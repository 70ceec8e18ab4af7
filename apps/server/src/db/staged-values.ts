/**
 * SQL for reading staged text as typed values, shared by the conversion load and the upload commit:
 * dates as districts send them (ISO or MM/DD/YYYY, montana-aim.md §4.1, via br_to_date) and yes/no flags.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Column } from '@bitterroot/contracts';

/** A staged text column as a date (NULL when not a real date). */
export function stagedDate(col: string): RawBuilder<string | null> {
  return sql.raw(`br_to_date(${col})`);
}

/** A staged text column as a boolean flag (Y/YES/1/TRUE/X or N/NO/0/FALSE; NULL otherwise). */
export function stagedFlag(col: string): RawBuilder<boolean | null> {
  return sql.raw(
    `CASE WHEN upper(btrim(${col})) IN ('Y','YES','1','TRUE','X') THEN true WHEN upper(btrim(${col})) IN ('N','NO','0','FALSE') THEN false END`,
  );
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** A staged text column `<alias>.<key>` as the typed value its template column declares (SQL text). */
export function typedValue(column: Column, options: { limit?: number; alias?: string } = {}): string {
  if (!IDENT.test(column.key)) throw new Error(`unsafe identifier ${column.key}`);
  const v = `${options.alias ?? 's'}.${column.key}`;
  switch (column.type) {
    case 'date':
      return `br_to_date(${v})`;
    case 'flag':
      return `CASE WHEN upper(btrim(${v})) IN ('Y','YES','1','TRUE','X') THEN true WHEN upper(btrim(${v})) IN ('N','NO','0','FALSE') THEN false END`;
    case 'decimal':
      return `CASE WHEN btrim(${v}) ~ '^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)$' THEN btrim(${v})::numeric END`;
    case 'integer':
      return `CASE WHEN btrim(${v}) ~ '^-?[0-9]{1,9}$' THEN btrim(${v})::int END`;
    case 'code':
    case 'digits':
    case 'text':
    case 'time':
      return options.limit ? `left(nullif(btrim(${v}), ''), ${options.limit})` : `nullif(btrim(${v}), '')`;
  }
}

/**
 * SQL for reading staged text as typed values, shared by the conversion load and the upload commit:
 * dates as districts send them (ISO or MM/DD/YYYY, montana-aim.md §4.1, via br_to_date) and yes/no flags.
 */
import { sql, type RawBuilder } from 'kysely';

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

/** Blank-text test shared by the rule SQL: NULL or only spaces. */
import { sql, type RawBuilder } from 'kysely';

/** SQL: the column is NULL or blank. */
export function blankSql(column: string): RawBuilder<unknown> {
  return sql`coalesce(btrim(${sql.ref(column)}::text), '') = ''`;
}

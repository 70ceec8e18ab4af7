/**
 * Field checks derived from a template's column metadata (required, code set, pattern, type, width), run
 * as ONE scan over the staged rows: each column contributes a CASE that names the first problem of the
 * cell, and a LATERAL VALUES list turns them into finding rows (at most one per cell). Sources: the
 * profile template columns (montana-aim.md §4.3) and §4.1 (dates, leading zeros).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Column, Profile, Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';

type Check = { code: string; when: RawBuilder<unknown>; message: string; fix: string };

const colRef = (key: string) => sql.ref(`s.${key}`);

function codesOf(profile: Profile, codeSet: string): string[] {
  return profile.codeSets.find((c) => c.id === codeSet)?.codes.map((c) => c.code) ?? [];
}

function listForFix(codes: string[]): string {
  return codes.length <= 12
    ? codes.join(', ')
    : `${codes.slice(0, 12).join(', ')}, … (${codes.length} codes; see the template documentation)`;
}

function checksFor(profile: Profile, column: Column, position: number, skipRequired: boolean): Check[] {
  const v = colRef(column.key);
  const where = `column ${position + 1} (${column.label})`;
  const present = sql`btrim(coalesce(${v}, '')) <> ''`;
  const checks: Check[] = [];
  if (column.required && !skipRequired)
    checks.push({
      code: 'FLD-REQUIRED',
      when: sql`NOT (${present})`,
      message: `${column.label} is required but empty`,
      fix: `Fill in ${where}.`,
    });
  if (column.width)
    checks.push({
      code: 'FLD-WIDTH',
      when: sql`${present} AND length(btrim(${v})) > ${column.width}`,
      message: `${column.label} is longer than ${column.width} characters`,
      fix: `Shorten ${where} to at most ${column.width} characters.`,
    });
  if (column.type === 'date')
    checks.push({
      code: 'FLD-DATE',
      when: sql`${present} AND br_to_date(${v}) IS NULL`,
      message: `${column.label} is not a real date`,
      fix: `Write ${where} as MM/DD/YYYY (or YYYY-MM-DD), e.g. 08/27/2025.`,
    });
  if ((column.type === 'integer' || column.type === 'digits') && !column.pattern)
    checks.push({
      code: 'FLD-FORMAT',
      when: sql`${present} AND btrim(${v}) !~ '^[0-9]+$'`,
      message: `${column.label} must contain digits only`,
      fix: `Use digits only in ${where}; keep leading zeros.`,
    });
  if (column.type === 'decimal')
    checks.push({
      code: 'FLD-FORMAT',
      when: sql`${present} AND btrim(${v}) !~ '^-?[0-9]+(\\.[0-9]+)?$'`,
      message: `${column.label} must be a number`,
      fix: `Write ${where} as a number such as 12.5.`,
    });
  if (column.pattern)
    checks.push({
      code: 'FLD-FORMAT',
      when: sql`${present} AND btrim(${v}) !~ ${column.pattern}`,
      message: `${column.label} does not have the expected format`,
      fix: `Check ${where}: it must match ${column.pattern}.`,
    });
  if (column.codeSet) {
    const codes = codesOf(profile, column.codeSet);
    // Single codes compare against the array directly (no subquery per cell); only multi-value
    // columns (race) split and check each part.
    const bad = column.multiple
      ? sql`NOT (string_to_array(replace(btrim(${v}), ' ', ''), ${column.separator ?? ','}) <@ ${codes}::text[])`
      : sql`btrim(${v}) <> ALL(${codes}::text[])`;
    checks.push({
      code: 'FLD-CODE',
      when: sql`${present} AND ${bad}`,
      message: `${column.label} is not a code of the ${column.codeSet} list`,
      fix: `Use one of: ${listForFix(codes)} in ${where}.`,
    });
  }
  return checks;
}

/** Writes one finding per failing cell into ingestion_finding; returns how many. */
export async function runColumnChecks(
  db: Executor,
  profile: Profile,
  template: Template,
  stage: string,
  batchId: number,
  firstSeq: number,
  coveredElsewhere: Set<string> = new Set(),
): Promise<number> {
  const cells: RawBuilder<unknown>[] = [];
  const texts: RawBuilder<unknown>[] = [];
  template.columns.forEach((column, i) => {
    const checks = checksFor(profile, column, i, coveredElsewhere.has(column.key));
    if (checks.length === 0) return;
    const code = sql`CASE ${sql.join(
      checks.map((c) => sql`WHEN ${c.when} THEN ${c.code}`),
      sql` `,
    )} END`;
    cells.push(sql`(${column.key}, ${code}::text, ${colRef(column.key)}::text)`);
    for (const c of checks)
      texts.push(sql`(${column.key}, ${column.label}, ${c.code}, ${c.message}, ${c.fix})`);
  });
  if (cells.length === 0) return 0;
  // The cell CASEs name the failing check; message and fix text join in from a small constant table.
  const r = await sql`
    INSERT INTO ingestion_finding (batch_id, seq, line, column_key, field_label, value, code, severity, message, fix)
    SELECT ${batchId}::bigint, ${firstSeq}::int - 1 + row_number() OVER (ORDER BY f.line, f.column_key), f.line, f.column_key, m.label,
           f.value, f.code, 'fatal', m.message, m.fix
    FROM (SELECT s.line, v.column_key, v.code, v.value FROM ${sql.table(stage)} s
          CROSS JOIN LATERAL (VALUES ${sql.join(cells)}) AS v(column_key, code, value) WHERE v.code IS NOT NULL) f
    JOIN (VALUES ${sql.join(texts)}) AS m(column_key, label, code, message, fix) ON m.column_key = f.column_key AND m.code = f.code`.execute(
    db,
  );
  return Number(r.numAffectedRows ?? 0);
}

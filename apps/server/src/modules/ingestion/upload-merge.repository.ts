/**
 * Commit step of a Student Demographic upload: set-based merges from `stage_upload` into the live tables,
 * inside the upload's one transaction (montana-aim.md §4.3): existing identities updated with the fields
 * present (absent fields kept), students without a state ID matched statewide or issued one. Enrollment
 * commits are in enrollment-commit.repository.ts.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { newStudentStateIdSql } from '../../db/state-id.ts';
import { stagedDate, stagedFlag } from '../../db/staged-values.ts';
import {
  batchOf,
  countPerFile,
  districtOf,
  fileColumn,
  joinFile,
  onlyFile,
  sameFile,
  type StageFiles,
} from '../../db/stage-files.ts';

/** Counts of what a Student Demographic commit did. */
export type DemographicOutcome = { updated: number; linked: number; matched: number; assigned: number };

/**
 * Serialises the identity step of Student Demographic commits (resolve, match, issue IDs) across
 * concurrent uploads until this transaction ends: a child sent by two districts at once is then matched to
 * the identity the first commit created instead of getting a second state ID. Parsing and checks of the
 * uploads still run side by side.
 */
export async function lockIdentityCommits(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7275010)`.execute(db);
}

/**
 * Step 1: resolve every staged row to a student by its state ID, else its local ID already linked in this
 * district, else a deterministic match (same normalised legal names, birth date and gender: exactly one
 * person statewide). Unresolved rows keep student_id NULL for the fuzzy step. Also updates the identities
 * found by state or local ID with the fields the file carries (absent fields are kept). A wave (decision
 * 0082) resolves every file's rows by ID here and matches file by file afterwards (`matchExactly`), so
 * a file sees the identities the files before it created.
 */
export async function resolveDemographics(db: Executor, files: StageFiles): Promise<Map<number, number>> {
  await sql`CREATE TEMP TABLE sd_resolved ON COMMIT DROP AS
    SELECT ${fileColumn(files, 's')}s.line, s.student_local_id AS local_id, coalesce(byid.id, bylocal.student_id) AS student_id,
           CASE WHEN byid.id IS NOT NULL THEN 'state-id' WHEN bylocal.student_id IS NOT NULL THEN 'local-id' END AS how
           ${sql.raw(files === 'wave' ? ', 1 AS turn' : '')}
    FROM stage_upload s${joinFile(files, 's')}
    LEFT JOIN student byid ON btrim(coalesce(s.student_state_id, '')) <> '' AND byid.state_id = lpad(btrim(s.student_state_id), 9, '0')
    LEFT JOIN student_district bylocal ON byid.id IS NULL AND bylocal.district_number = ${districtOf(files)} AND bylocal.local_id = btrim(s.student_local_id)`.execute(
    db,
  );
  if (files !== 'wave') await matchExactly(db, files);
  await sql`ANALYZE sd_resolved`.execute(db);
  if (files !== 'wave') return await updateIdentities(db, files, sql``);
  // A child several files of a wave name is updated once per file in upload order (turn 1 is every
  // file's first, and nearly every row), as one upload after the other would: the same fields, counts.
  const turns = await sql<{ turn: number }>`
    UPDATE sd_resolved r SET turn = t.turn FROM (
      SELECT batch_id, line, dense_rank() OVER (PARTITION BY student_id ORDER BY batch_id)::int AS turn
      FROM sd_resolved WHERE how IN ('state-id', 'local-id') AND student_id IN (
        SELECT student_id FROM sd_resolved WHERE how IN ('state-id', 'local-id') GROUP BY student_id HAVING count(DISTINCT batch_id) > 1)) t
    WHERE r.batch_id = t.batch_id AND r.line = t.line AND t.turn > 1 RETURNING t.turn`.execute(db);
  const last = Math.max(1, ...turns.rows.map((x) => x.turn));
  const updated = new Map<number, number>();
  for (let turn = 1; turn <= last; turn++)
    for (const [batchId, n] of await updateIdentities(db, files, sql` AND r.turn = ${turn}::int`))
      updated.set(batchId, (updated.get(batchId) ?? 0) + n);
  return updated;
}

/** Updates the identities found by state or local ID with the fields present (of one turn of a wave). */
async function updateIdentities(
  db: Executor,
  files: StageFiles,
  turn: RawBuilder<unknown>,
): Promise<Map<number, number>> {
  return await countPerFile(
    db,
    files,
    sql`
    UPDATE student x SET
      last_name = coalesce(nullif(btrim(s.last_name), ''), x.last_name), first_name = coalesce(nullif(btrim(s.first_name), ''), x.first_name),
      middle_name = coalesce(nullif(btrim(s.middle_name), ''), x.middle_name), name_suffix = coalesce(nullif(btrim(s.name_suffix), ''), x.name_suffix),
      birth_date = coalesce(${stagedDate('s.birth_date')}, x.birth_date), gender = coalesce(nullif(btrim(s.gender), ''), x.gender),
      hispanic = coalesce(${stagedFlag('s.hispanic')}, x.hispanic), race_codes = coalesce(nullif(btrim(s.race_codes), ''), x.race_codes),
      photo_opt_in = coalesce(nullif(btrim(s.photo_opt_in), ''), x.photo_opt_in), updated_at = now()
    FROM stage_upload s JOIN sd_resolved r ON r.line = s.line${sameFile(files, 'r', 's')}
    WHERE x.id = r.student_id AND r.how IN ('state-id', 'local-id')${turn}
      AND (x.last_name, x.first_name, x.middle_name, x.name_suffix, x.birth_date, x.gender, x.hispanic, x.race_codes, x.photo_opt_in) IS DISTINCT FROM
          (coalesce(nullif(btrim(s.last_name), ''), x.last_name), coalesce(nullif(btrim(s.first_name), ''), x.first_name),
           coalesce(nullif(btrim(s.middle_name), ''), x.middle_name), coalesce(nullif(btrim(s.name_suffix), ''), x.name_suffix),
           coalesce(${stagedDate('s.birth_date')}, x.birth_date), coalesce(nullif(btrim(s.gender), ''), x.gender),
           coalesce(${stagedFlag('s.hispanic')}, x.hispanic), coalesce(nullif(btrim(s.race_codes), ''), x.race_codes),
           coalesce(nullif(btrim(s.photo_opt_in), ''), x.photo_opt_in))`,
    sql`s.batch_id`,
  );
}

/**
 * The deterministic match of the rows still unresolved (of one file of a wave when `batchId` is given),
 * driven by the birth-date index.
 */
export async function matchExactly(db: Executor, files: StageFiles, batchId?: number): Promise<void> {
  await sql`
    UPDATE sd_resolved r SET student_id = m.id, how = 'exact'
    FROM (SELECT ${fileColumn(files, 'u')}u.line, max(x.id) AS id
          FROM sd_resolved u JOIN stage_upload s ON s.line = u.line${sameFile(files, 's', 'u')}
          JOIN student x ON x.birth_date = br_to_date(s.birth_date)
          WHERE u.student_id IS NULL${onlyFile(files, 'u', batchId)} AND br_norm_name(x.last_name) = br_norm_name(s.last_name)
            AND br_norm_name(x.first_name) = br_norm_name(s.first_name) AND coalesce(x.gender, '') = coalesce(btrim(s.gender), '')
          GROUP BY ${fileColumn(files, 'u')}u.line HAVING count(*) = 1) m
    WHERE r.line = m.line${sameFile(files, 'r', 'm')}`.execute(db);
}

/**
 * The files of a wave with rows step 1 left unresolved: only they match file by file, each step reading
 * one file's rows through the indexes made here.
 */
export async function filesWithUnresolved(db: Executor): Promise<Set<number>> {
  const r = await sql<{ batch_id: number }>`
    SELECT DISTINCT batch_id FROM sd_resolved WHERE student_id IS NULL`.execute(db);
  if (r.rows.length > 0) {
    await sql`CREATE INDEX ON sd_resolved (batch_id, line)`.execute(db);
    await sql`CREATE INDEX ON stage_upload (batch_id, line)`.execute(db);
  }
  return new Set(r.rows.map((x) => Number(x.batch_id)));
}

/** A staged person still without an identity after step 1. */
export type UnresolvedPerson = {
  line: number;
  localId: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: string | null;
};

/** Step 2 input: the rows step 1 could not resolve (of one file of a wave when `batchId` is given). */
export async function unresolvedPeople(
  db: Executor,
  files: StageFiles,
  batchId?: number,
): Promise<UnresolvedPerson[]> {
  const r = await sql<{
    line: number;
    local_id: string | null;
    last_name: string;
    first_name: string;
    middle_name: string | null;
    birth_date: string | null;
    gender: string | null;
  }>`
    SELECT s.line, nullif(btrim(s.student_local_id), '') AS local_id, btrim(s.last_name) AS last_name, btrim(s.first_name) AS first_name,
           nullif(btrim(s.middle_name), '') AS middle_name, br_to_date(s.birth_date) AS birth_date, nullif(btrim(s.gender), '') AS gender
    FROM stage_upload s JOIN sd_resolved r ON r.line = s.line${sameFile(files, 'r', 's')}
    WHERE r.student_id IS NULL${onlyFile(files, 's', batchId)} ORDER BY s.line`.execute(db);
  return r.rows.map((x) => ({
    line: x.line,
    localId: x.local_id,
    lastName: x.last_name,
    firstName: x.first_name,
    middleName: x.middle_name,
    birthDate: x.birth_date,
    gender: x.gender,
  }));
}

/** A candidate identity from the state registry. */
export type CandidatePerson = {
  id: number;
  stateId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: string | null;
};

/** Everyone statewide born on one of the given dates (the blocking step of fuzzy matching). */
export async function peopleBornOn(db: Executor, dates: string[]): Promise<CandidatePerson[]> {
  if (dates.length === 0) return [];
  const r = await sql<{
    id: number;
    state_id: string;
    last_name: string;
    first_name: string;
    middle_name: string | null;
    birth_date: string | null;
    gender: string | null;
  }>`
    SELECT id, state_id, last_name, first_name, middle_name, birth_date, gender FROM student WHERE birth_date = ANY(${dates}::date[])`.execute(
    db,
  );
  return r.rows.map((x) => ({
    id: x.id,
    stateId: x.state_id,
    lastName: x.last_name,
    firstName: x.first_name,
    middleName: x.middle_name,
    birthDate: x.birth_date,
    gender: x.gender,
  }));
}

/** A fuzzy decision for one staged row. */
export type FuzzyDecision = {
  line: number;
  studentId: number;
  decision: 'match' | 'review';
  score: number;
  reasons: unknown;
};

/**
 * Step 2 output: matches are linked to the existing person; review-band rows are held (no ID issued) in
 * the resolution queue for state staff, with a warning finding telling the district why.
 */
export async function applyFuzzyDecisions(
  db: Executor,
  batchId: number,
  district: string,
  decisions: FuzzyDecision[],
  firstSeq: number,
  files: StageFiles = { batchId, district },
): Promise<void> {
  if (decisions.length === 0) return;
  const ofFile = onlyFile(files, 'r', batchId);
  const stagedOfFile = onlyFile(files, 's', batchId);
  const payload = JSON.stringify(decisions);
  await sql`
    UPDATE sd_resolved r SET student_id = CASE WHEN d.decision = 'match' THEN d."studentId" END,
           how = CASE WHEN d.decision = 'match' THEN 'fuzzy' ELSE 'held' END
    FROM jsonb_to_recordset(${payload}::jsonb) AS d(line int, "studentId" bigint, decision text)
    WHERE r.line = d.line${ofFile}`.execute(db);
  await sql`
    INSERT INTO identity_review (batch_id, district_number, line, local_id, incoming, candidate_student_id, score, reasons)
    SELECT ${batchId}::bigint, ${district}, s.line, nullif(btrim(s.student_local_id), ''), to_jsonb(s) - 'line' - 'batch_id', d."studentId", d.score, d.reasons
    FROM jsonb_to_recordset(${payload}::jsonb) AS d(line int, "studentId" bigint, decision text, score numeric, reasons jsonb)
    JOIN stage_upload s ON s.line = d.line${stagedOfFile} WHERE d.decision = 'review'`.execute(db);
  await sql`
    INSERT INTO ingestion_finding (batch_id, seq, line, column_key, field_label, value, code, severity, message, fix)
    SELECT ${batchId}::bigint, ${firstSeq}::int - 1 + row_number() OVER (ORDER BY d.line), d.line, 'student_local_id', 'Student Local ID',
           nullif(btrim(s.student_local_id), ''), 'ID-REVIEW', 'warning',
           'This student may already have a state ID (score ' || d.score || '); the state will confirm before an ID is issued',
           'Nothing to do unless the details are wrong; the state links the student or issues a new ID, then the ID appears in your new-state-ID file.'
    FROM jsonb_to_recordset(${payload}::jsonb) AS d(line int, decision text, score numeric)
    JOIN stage_upload s ON s.line = d.line${stagedOfFile} WHERE d.decision = 'review'`.execute(db);
  await sql`
    INSERT INTO identity_audit (student_id, district_number, action, actor, detail)
    SELECT d."studentId", ${district}, 'matched', 'system', jsonb_build_object('batch', ${batchId}::bigint, 'line', d.line, 'score', d.score)
    FROM jsonb_to_recordset(${payload}::jsonb) AS d(line int, "studentId" bigint, decision text, score numeric) WHERE d.decision = 'match'`.execute(
    db,
  );
}

/**
 * Step 3: issues state IDs to the rows still unresolved (held rows wait); in a wave, to one file's
 * (`batchId`), after the files before it, so a child they created is matched rather than issued again.
 */
export async function issueIds(db: Executor, files: StageFiles, batchId: number): Promise<number> {
  // New identities: one materialised draw of IDs (decision 0004), skipping any that a legacy ID holds.
  let assigned = 0;
  for (let pass = 0; pass < 5; pass++) {
    const made = await sql<{ id: number }>`
      WITH fresh AS MATERIALIZED (
        SELECT s.*, ${newStudentStateIdSql} AS new_state_id FROM stage_upload s JOIN sd_resolved r ON r.line = s.line${sameFile(files, 'r', 's')}
        WHERE r.student_id IS NULL AND r.how IS DISTINCT FROM 'held'${onlyFile(files, 's', batchId)}
      ), made AS (
        INSERT INTO student (state_id, last_name, first_name, middle_name, name_suffix, birth_date, gender, hispanic, race_codes, photo_opt_in)
        SELECT new_state_id, btrim(last_name), btrim(first_name), nullif(btrim(middle_name), ''), nullif(btrim(name_suffix), ''),
               ${stagedDate('birth_date')}, nullif(btrim(gender), ''), ${stagedFlag('hispanic')}, nullif(btrim(race_codes), ''),
               nullif(btrim(photo_opt_in), '')
        FROM fresh ON CONFLICT (state_id) DO NOTHING RETURNING id, state_id
      ), noted AS (
        INSERT INTO ingestion_new_state_id (batch_id, student_id, line, local_id)
        SELECT ${batchId}::bigint, made.id, fresh.line, nullif(btrim(fresh.student_local_id), '') FROM made JOIN fresh ON fresh.new_state_id = made.state_id
        RETURNING student_id, line
      )
      UPDATE sd_resolved r SET student_id = noted.student_id, how = 'new' FROM noted
      WHERE r.line = noted.line${onlyFile(files, 'r', batchId)} RETURNING r.student_id AS id`.execute(db);
    assigned += made.rows.length;
    if (made.rows.length === 0) break;
  }
  return assigned;
}

/** Links local IDs to the resolved identities; per file how many links changed and how many rows matched. */
export async function linkIdentities(
  db: Executor,
  files: StageFiles,
): Promise<{ linked: Map<number, number>; matched: Map<number, number> }> {
  // A wave holds one file per district (decision 0082), so a link's district names its file.
  const linked = await countPerFile(
    db,
    files,
    sql`
    INSERT INTO student_district (student_id, district_number, local_id)
    SELECT DISTINCT ON (${fileColumn(files, 'r')}r.student_id) r.student_id, ${districtOf(files)}, nullif(btrim(r.local_id), '')
    FROM sd_resolved r${joinFile(files, 'r')} WHERE r.student_id IS NOT NULL
    ON CONFLICT (district_number, student_id) DO UPDATE SET local_id = coalesce(excluded.local_id, student_district.local_id)
    WHERE student_district.local_id IS DISTINCT FROM coalesce(excluded.local_id, student_district.local_id)`,
    sql`(SELECT w.batch_id FROM upload_file w WHERE w.district = student_district.district_number)`,
  );
  const matched = await sql<{ batch_id: number; n: number }>`
    SELECT ${batchOf(files, 'r')} AS batch_id, count(*)::int AS n FROM sd_resolved r
    WHERE how IN ('exact', 'fuzzy')${sql.raw(files === 'wave' ? ' GROUP BY r.batch_id' : '')}`.execute(db);
  return { linked, matched: new Map(matched.rows.map((x) => [Number(x.batch_id), x.n])) };
}

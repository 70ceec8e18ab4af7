-- Typed certification snapshots (decision 0080): one snapshot table per source table, with the source's frozen
-- columns (its columns minus the bookkeeping ones the snapshot leaves out, plus the extra fields it adds) in the
-- same types, so that freezing is a plain INSERT ... SELECT of columns and certified reports read typed columns
-- with no jsonb decode. Each row carries its record key and its digest, md5 of template | key | the row's text
-- form, from which the header's content hash is sealed (decision 0048 order) and diffs compare rows.
--
-- Schema evolution: a migration adding a column to a live source table adds the same column to its snapshot
-- table (nullable; older snapshots read NULL). A database test fails when a source column has no snapshot column.
--
-- The tables are generated from the catalog as it stands after the earlier migrations, so their columns are the
-- live tables' columns at this version; the list below is the templates' sources at this version
-- (snapshot-sources.ts), with the columns each leaves out.
DO $$
DECLARE
  s record;
  cols text;
  names text;
  tbl text;
BEGIN
  -- Digests use the ISO date and UTC time zone text forms whatever the session's settings (as freezing does).
  PERFORM set_config('DateStyle', 'ISO, YMD', true), set_config('TimeZone', 'UTC', true),
    set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true);
  FOR s IN SELECT * FROM (VALUES
    ('student-demographics', 'student', ARRAY['created_at', 'updated_at']),
    ('student-enrollment', 'enrollment', ARRAY['created_at', 'batch_id']),
    ('program-participation', 'program_participation', ARRAY['batch_id', 'updated_at']),
    ('section-504', 'section_504', ARRAY['batch_id', 'updated_at']),
    ('english-learners', 'english_learner', ARRAY['batch_id', 'updated_at']),
    ('fram', 'fram_eligibility', ARRAY['batch_id', 'updated_at']),
    ('fall-count', 'fall_count', ARRAY['batch_id', 'updated_at']),
    ('spring-count', 'spring_count', ARRAY['batch_id', 'updated_at']),
    ('eoy-attendance', 'eoy_attendance', ARRAY['batch_id', 'updated_at']),
    ('mode-of-instruction', 'instruction_mode', ARRAY['batch_id', 'updated_at']),
    ('fall-cte', 'cte_follow_up', ARRAY['batch_id', 'updated_at']),
    ('eoy-cte', 'cte_pathway_participation', ARRAY['batch_id', 'updated_at']),
    ('behavior', 'behavior_event', ARRAY['batch_id', 'updated_at']),
    ('extracurricular', 'extracurricular_participation', ARRAY['batch_id', 'updated_at']),
    ('test-accommodations', 'test_accommodation', ARRAY['batch_id', 'updated_at']),
    ('terms-of-employment', 'staff_employment', ARRAY['batch_id', 'updated_at']),
    ('district-assignment', 'staff_assignment', ARRAY['batch_id', 'updated_at']),
    ('course', 'course', ARRAY['batch_id', 'updated_at']),
    ('section', 'section', ARRAY['batch_id', 'updated_at']),
    ('staff-history', 'section_staff', ARRAY['batch_id', 'updated_at']),
    ('roster', 'roster', ARRAY['batch_id', 'updated_at']),
    ('ews-student-data', 'ews_uploaded_student', ARRAY['batch_id', 'updated_at'])
  ) v(template, source, omit)
  LOOP
    tbl := 'snapshot_' || s.source;
    SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum),
      string_agg(format('p.%I', a.attname), ', ' ORDER BY a.attnum)
      INTO cols, names
      FROM pg_attribute a
      WHERE a.attrelid = s.source::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> ALL (s.omit);
    -- A district's students carry their local number in that district (student_district.local_id).
    IF s.source = 'student' THEN
      cols := cols || ', local_id text';
      names := names || ', p.local_id';
    END IF;
    EXECUTE format('CREATE TABLE %I (snapshot_id bigint NOT NULL, record_key text NOT NULL, digest text NOT NULL, %s)',
      tbl, cols);
    -- The frozen rows of before this migration, decoded once into their typed table with digests of the new rule.
    EXECUTE format(
      'INSERT INTO %1$I SELECT r.snapshot_id, r.record_key, md5(%2$L || ''|'' || r.record_key || ''|'' || ROW(%3$s)::text), %3$s
       FROM certification_snapshot_row r CROSS JOIN LATERAL jsonb_populate_record(NULL::%1$I, r.row) p
       WHERE r.template_id = %2$L ORDER BY r.snapshot_id, r.record_key',
      tbl, s.template, names);
    EXECUTE format('CREATE INDEX %I ON %I (snapshot_id, record_key)', tbl || '_key', tbl);
    -- Immutable in the database itself, as the rows of 0007 were; rows need their header (0014's check).
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW
      EXECUTE FUNCTION certification_snapshot_row_immutable()', tbl || '_no_change', tbl);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT
      EXECUTE FUNCTION certification_snapshot_row_immutable()', tbl || '_no_truncate', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION br_snapshot_row_has_header()', tbl || '_header', tbl);
  END LOOP;
  IF EXISTS (SELECT 1 FROM certification_snapshot_row r WHERE r.template_id NOT IN (
      'student-demographics', 'student-enrollment', 'program-participation', 'section-504', 'english-learners',
      'fram', 'fall-count', 'spring-count', 'eoy-attendance', 'mode-of-instruction', 'fall-cte', 'eoy-cte',
      'behavior', 'extracurricular', 'test-accommodations', 'terms-of-employment', 'district-assignment',
      'course', 'section', 'staff-history', 'roster', 'ews-student-data')) THEN
    RAISE EXCEPTION 'certification_snapshot_row holds rows of a template without a snapshot table';
  END IF;
END $$;

-- Retired: every frozen row now lives in its typed table. Its triggers go with it; the functions stay (headers
-- and the typed tables use them).
DROP TABLE certification_snapshot_row;

-- 0013 validation speed and trend (issue 6; decision 0060). A stored, indexed name key per identity for the
-- duplicate-identity rule (montana-aim.md §6.4 R02, ID-002; decision 0024), kept in step with `student` by
-- set-based statement triggers so every writer (COPY bulk loads, uploads, identity review, hand entry and its
-- undo) maintains it without code of its own; and the daily open-finding counts behind the state trend.
-- Frozen once released.

-- The key of br_norm_name's intent (case, Latin accents, spaces and punctuation) from one translate() call; the
-- regular expression of br_norm_name costs too much over every identity of the state. Plain ASCII names, the
-- common case, skip translate(), which is slow over multibyte text.
CREATE FUNCTION br_name_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^[A-Za-z]*$' THEN lower(value)
    ELSE translate(lower(value), 'áàâäãåāăąçćčďđéèêëēėęěễếềểệíìîïīįıñńňóòôöõøōőơồốổỗộờớởỡợúùûüūůűųưừứửữựýÿžźżšśşťţ -''.,',
                   'aaaaaaaaacccddeeeeeeeeeeeeeiiiiiiinnnooooooooooooooooooouuuuuuuuuuuuuuyyzzzssstt') END
$$;

-- One row per identity: the blocking key of R02 (birth date, gender, last-name key) and the first-name key.
-- A side table rather than columns on `student`, so identity rows, their snapshots and their undo images keep
-- their shape. "C" collation: the keys are only compared for equality and sorted for joins.
CREATE TABLE student_name_key (
  student_id bigint PRIMARY KEY,
  birth_date date,
  gender text NOT NULL,
  last_key text COLLATE "C",
  first_key text COLLATE "C"
);
-- District and one-student runs look up their students' possible duplicates by the blocking key.
CREATE INDEX student_name_key_block ON student_name_key (birth_date, last_key, gender) INCLUDE (first_key)
  WHERE birth_date IS NOT NULL;

INSERT INTO student_name_key (student_id, birth_date, gender, last_key, first_key)
SELECT id, birth_date, coalesce(gender, ''), br_name_key(last_name), br_name_key(first_name) FROM student;

CREATE FUNCTION br_student_name_key_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO student_name_key (student_id, birth_date, gender, last_key, first_key)
  SELECT n.id, n.birth_date, coalesce(n.gender, ''), br_name_key(n.last_name), br_name_key(n.first_name) FROM new_rows n
  ON CONFLICT (student_id) DO UPDATE SET birth_date = excluded.birth_date, gender = excluded.gender,
    last_key = excluded.last_key, first_key = excluded.first_key
  WHERE (student_name_key.birth_date, student_name_key.gender, student_name_key.last_key, student_name_key.first_key)
    IS DISTINCT FROM (excluded.birth_date, excluded.gender, excluded.last_key, excluded.first_key);
  RETURN NULL;
END $$;

CREATE FUNCTION br_student_name_key_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM student_name_key k USING old_rows o WHERE k.student_id = o.id;
  RETURN NULL;
END $$;

CREATE FUNCTION br_student_name_key_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE student_name_key;
  RETURN NULL;
END $$;

-- Statement triggers with transition tables: one set-based statement per write, whatever its size.
CREATE TRIGGER student_name_key_insert AFTER INSERT ON student
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION br_student_name_key_write();
CREATE TRIGGER student_name_key_update AFTER UPDATE ON student
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION br_student_name_key_write();
CREATE TRIGGER student_name_key_delete AFTER DELETE ON student
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION br_student_name_key_delete();
CREATE TRIGGER student_name_key_truncate AFTER TRUNCATE ON student
  FOR EACH STATEMENT EXECUTE FUNCTION br_student_name_key_truncate();

-- Open findings per owner district and rule at the end of each day's statewide or district runs (the state
-- page's trend, issue 6 §4). Rewritten by every full run of that day for its scope; a day without a row for a
-- district and rule had none open, provided a full run of that scope finished that day (validation_run).
CREATE TABLE validation_daily_count (
  school_year integer NOT NULL,
  day date NOT NULL,
  district_number text NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL,
  open_count integer NOT NULL,
  PRIMARY KEY (school_year, day, district_number, rule_id)
);

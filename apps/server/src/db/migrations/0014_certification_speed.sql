-- 0014 open-finding counts behind the certification gate and dashboard (issue 7 items 4 and 7; decision 0026),
-- and snapshot rows checked against their header per statement (decision 0027).
-- Per school year, owner district and rule: the open fatal findings and the open, unacknowledged warnings, the
-- two numbers that block certifying (montana-aim.md §7.2). Kept exact by statement triggers with transition
-- tables on `validation_finding` (as 0013 keeps `student_name_key`), so every writer (statewide and district
-- runs, incremental re-checks after uploads, acknowledgements, deletes) maintains them without code of its own.
-- Frozen once released.

-- A row stays when its counts fall to zero: the set of (year, district, rule) pairs that ever had a finding is
-- small, and never deleting keeps concurrent writers to plain row updates (no delete/insert races).
CREATE TABLE finding_open_count (
  school_year integer NOT NULL,
  district_number text NOT NULL,
  rule_id text NOT NULL,
  -- No CHECK (>= 0): an upsert checks its proposed row, and a decrement is proposed as a negative row.
  open_fatals integer NOT NULL,
  open_warnings integer NOT NULL,
  PRIMARY KEY (school_year, district_number, rule_id)
);

INSERT INTO finding_open_count (school_year, district_number, rule_id, open_fatals, open_warnings)
SELECT school_year, district_number, rule_id, count(*) FILTER (WHERE severity = 'fatal'),
  count(*) FILTER (WHERE severity = 'warning' AND acknowledged_at IS NULL)
FROM validation_finding
WHERE resolved_at IS NULL AND (severity = 'fatal' OR (severity = 'warning' AND acknowledged_at IS NULL))
GROUP BY 1, 2, 3;

-- Each writer adds its rows' contributions. Rows are grouped first (an upsert may not touch a key twice) and
-- applied in key order, so concurrent writers lock count rows in the same order and cannot deadlock on them.
CREATE FUNCTION br_finding_open_count_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finding_open_count AS c (school_year, district_number, rule_id, open_fatals, open_warnings)
  SELECT school_year, district_number, rule_id, count(*) FILTER (WHERE severity = 'fatal'),
    count(*) FILTER (WHERE severity = 'warning' AND acknowledged_at IS NULL)
  FROM new_rows
  WHERE resolved_at IS NULL AND (severity = 'fatal' OR (severity = 'warning' AND acknowledged_at IS NULL))
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (school_year, district_number, rule_id) DO UPDATE
    SET open_fatals = c.open_fatals + excluded.open_fatals, open_warnings = c.open_warnings + excluded.open_warnings;
  RETURN NULL;
END $$;

-- Old rows subtract, new rows add: an update that does not change what a finding counts for (a re-run
-- confirming it) nets to zero and writes nothing; a resolve, an acknowledgement or a move to another district
-- or severity moves one unit.
CREATE FUNCTION br_finding_open_count_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finding_open_count AS c (school_year, district_number, rule_id, open_fatals, open_warnings)
  SELECT school_year, district_number, rule_id, sum(f), sum(w)
  FROM (
    SELECT school_year, district_number, rule_id, (severity = 'fatal')::int AS f,
      (severity = 'warning' AND acknowledged_at IS NULL)::int AS w
    FROM new_rows
    WHERE resolved_at IS NULL AND (severity = 'fatal' OR (severity = 'warning' AND acknowledged_at IS NULL))
    UNION ALL
    SELECT school_year, district_number, rule_id, -(severity = 'fatal')::int,
      -(severity = 'warning' AND acknowledged_at IS NULL)::int
    FROM old_rows
    WHERE resolved_at IS NULL AND (severity = 'fatal' OR (severity = 'warning' AND acknowledged_at IS NULL))
  ) d
  GROUP BY 1, 2, 3 HAVING sum(f) <> 0 OR sum(w) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (school_year, district_number, rule_id) DO UPDATE
    SET open_fatals = c.open_fatals + excluded.open_fatals, open_warnings = c.open_warnings + excluded.open_warnings;
  RETURN NULL;
END $$;

CREATE FUNCTION br_finding_open_count_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE finding_open_count c SET open_fatals = c.open_fatals - d.f, open_warnings = c.open_warnings - d.w
  FROM (
    SELECT school_year, district_number, rule_id, count(*) FILTER (WHERE severity = 'fatal') AS f,
      count(*) FILTER (WHERE severity = 'warning' AND acknowledged_at IS NULL) AS w
    FROM old_rows
    WHERE resolved_at IS NULL AND (severity = 'fatal' OR (severity = 'warning' AND acknowledged_at IS NULL))
    GROUP BY 1, 2, 3
  ) d
  WHERE (c.school_year, c.district_number, c.rule_id) = (d.school_year, d.district_number, d.rule_id);
  RETURN NULL;
END $$;

CREATE FUNCTION br_finding_open_count_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE finding_open_count;
  RETURN NULL;
END $$;

-- Statement triggers with transition tables: one set-based statement per write, whatever its size.
CREATE TRIGGER finding_open_count_insert AFTER INSERT ON validation_finding
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION br_finding_open_count_insert();
CREATE TRIGGER finding_open_count_update AFTER UPDATE ON validation_finding
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION br_finding_open_count_update();
CREATE TRIGGER finding_open_count_delete AFTER DELETE ON validation_finding
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION br_finding_open_count_delete();
CREATE TRIGGER finding_open_count_truncate AFTER TRUNCATE ON validation_finding
  FOR EACH STATEMENT EXECUTE FUNCTION br_finding_open_count_truncate();

-- Snapshot rows reference their header through one set-based check per statement instead of a foreign key
-- (decision 0027): a statewide snapshot inserts hundreds of thousands of rows, and the key's per-row check
-- was a third of the insert. Headers can never be deleted (0007 triggers), so a row's header, once checked,
-- stays; the check refuses any statement that inserts a row without one, as the key did.
ALTER TABLE certification_snapshot_row DROP CONSTRAINT certification_snapshot_row_snapshot_id_fkey;

CREATE FUNCTION br_snapshot_row_has_header() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT snapshot_id FROM new_rows) n
             WHERE NOT EXISTS (SELECT 1 FROM certification_snapshot h WHERE h.id = n.snapshot_id)) THEN
    RAISE EXCEPTION 'certification snapshot rows need their snapshot header' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER certification_snapshot_row_header AFTER INSERT ON certification_snapshot_row
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION br_snapshot_row_has_header();

-- 0002 ingestion: upload batches, their findings, and the state IDs a batch issued (ARCHITECTURE §4 Upload).
-- Frozen once released.

CREATE TABLE ingestion_batch (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_number text NOT NULL REFERENCES district,
  school_year integer NOT NULL REFERENCES school_year,
  template_id text,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  file_bytes bigint NOT NULL,
  dry_run boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('received', 'parsing', 'validating', 'committing', 'validated', 'rejected', 'committed', 'failed')),
  rows_total integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  fatal_count integer NOT NULL DEFAULT 0,
  warning_count integer NOT NULL DEFAULT 0,
  summary jsonb,
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX ingestion_batch_district ON ingestion_batch (district_number, created_at DESC);
CREATE INDEX ingestion_batch_open ON ingestion_batch (status) WHERE status IN ('received', 'parsing', 'validating', 'committing');

-- One finding per offending cell or row: row (physical line), column, value, code, severity, message, fix.
CREATE TABLE ingestion_finding (
  batch_id bigint NOT NULL REFERENCES ingestion_batch ON DELETE CASCADE,
  seq integer NOT NULL,
  line integer,
  column_key text,
  field_label text,
  value text,
  code text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('fatal', 'warning', 'info')),
  message text NOT NULL,
  fix text NOT NULL,
  PRIMARY KEY (batch_id, seq)
);

-- The "new state IDs" result of a Student Demographic upload (montana-aim.md §4.2, AIM's
-- "Retrieve New Student State ID File").
CREATE TABLE ingestion_new_state_id (
  batch_id bigint NOT NULL REFERENCES ingestion_batch ON DELETE CASCADE,
  student_id bigint NOT NULL REFERENCES student,
  line integer,
  local_id text,
  PRIMARY KEY (batch_id, student_id)
);

-- Dates as districts send them: ISO or MM/DD/YYYY (montana-aim.md §4.1). NULL when not a real date.
-- PL/pgSQL without exception blocks: a cached plan per expression, ~2 µs a call, where a SQL function
-- with a sub-select was re-planned per call (~170 µs) and dominated validation time.
CREATE FUNCTION br_to_date(value text) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  v text := btrim(value);
  y int;
  m int;
  d int;
  last_day int;
BEGIN
  IF v ~ '^\d{4}-\d{1,2}-\d{1,2}$' THEN
    y := split_part(v, '-', 1); m := split_part(v, '-', 2); d := split_part(v, '-', 3);
  ELSIF v ~ '^\d{1,2}/\d{1,2}/\d{4}$' THEN
    y := split_part(v, '/', 3); m := split_part(v, '/', 1); d := split_part(v, '/', 2);
  ELSE
    RETURN NULL;
  END IF;
  IF y NOT BETWEEN 1900 AND 2100 OR m NOT BETWEEN 1 AND 12 OR d < 1 THEN RETURN NULL; END IF;
  last_day := CASE WHEN m = 2 THEN CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0 THEN 29 ELSE 28 END
                   WHEN m IN (4, 6, 9, 11) THEN 30 ELSE 31 END;
  IF d > last_day THEN RETURN NULL; END IF;
  RETURN make_date(y, m, d);
END
$$;

-- Name key for deterministic identity matching: case-folded, common Latin accents removed (Peña → pena,
-- Nguyễn → nguyen), everything but letters dropped. Mirrors normalizeName in packages/core/src/identity.
CREATE FUNCTION br_norm_name(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(
    translate(lower(coalesce(value, '')),
      'áàâäãåāăąçćčďđéèêëēėęěễếềểệíìîïīįıñńňóòôöõøōőơồốổỗộờớởỡợúùûüūůűųưừứửữựýÿžźżšśşťţ',
      'aaaaaaaaacccddeeeeeeeeeeeeeiiiiiiinnnooooooooooooooooooouuuuuuuuuuuuuuyyzzzssstt'),
    '[^a-z]', '', 'g')
$$;

-- Identity matching looks up candidates by birth date first (a few dozen people share one statewide).
CREATE INDEX student_birth_date ON student (birth_date);

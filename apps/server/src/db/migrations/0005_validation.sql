-- 0005 validation: statewide findings as data (issue 6, ARCHITECTURE §4 Validation). A run evaluates the rule
-- catalogue's set-based rules over the live tables and upserts findings by a stable key (rule id + record key);
-- findings a run no longer produces are resolved, and reopened if they fire again. Frozen once released.

CREATE TABLE validation_run (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_year integer NOT NULL REFERENCES school_year,
  scope text NOT NULL CHECK (scope IN ('state', 'district', 'students')),
  district_number text REFERENCES district,
  student_count integer,
  collection text,
  -- Set when only the rules reading one template ran (after an upload of it).
  template text,
  trigger text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  rules_run integer NOT NULL DEFAULT 0,
  produced integer NOT NULL DEFAULT 0,
  opened integer NOT NULL DEFAULT 0,
  resolved integer NOT NULL DEFAULT 0
);
CREATE INDEX validation_run_recent ON validation_run (school_year, started_at DESC);

-- A run covering the whole rule set for a scope (collection and template both NULL) confirms the open findings of
-- that scope, so a finding's row is rewritten only when it is new, changed, reopened or resolved; readers derive
-- "last seen" of an open finding from the latest confirming run (decision 0024).
CREATE INDEX validation_run_confirming ON validation_run (school_year, scope, district_number, finished_at)
  WHERE collection IS NULL AND template IS NULL AND finished_at IS NOT NULL;

-- One row per finding ever raised. Cross-district findings name the other district, which sees them too; they
-- carry only the state ID and the dates the rule needs of the other district's records (decision 0024).
CREATE TABLE validation_finding (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_year integer NOT NULL,
  finding_key text NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('fatal', 'warning', 'info')),
  district_number text NOT NULL,
  other_district_number text,
  -- No foreign keys: findings are written by the engine alone, hundreds of thousands per statewide run, and a
  -- per-row key check would dominate the upsert; a finding also outlives the records it was about.
  student_id bigint,
  other_student_id bigint,
  staff_id bigint,
  state_id text,
  record_table text NOT NULL,
  record_id bigint,
  message text NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  first_run_id bigint NOT NULL,
  last_run_id bigint NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  acknowledgement_reason text,
  UNIQUE (school_year, finding_key),
  CHECK (acknowledged_at IS NULL OR severity <> 'fatal')
) WITH (fillfactor = 70);
-- Free space on each page lets a re-run's update of an unchanged finding stay a heap-only (HOT) update.
CREATE INDEX validation_finding_district ON validation_finding (district_number, school_year, rule_id);
CREATE INDEX validation_finding_other ON validation_finding (other_district_number, school_year) WHERE other_district_number IS NOT NULL;
CREATE INDEX validation_finding_student ON validation_finding (student_id) WHERE student_id IS NOT NULL;
CREATE INDEX validation_finding_other_student ON validation_finding (other_student_id) WHERE other_student_id IS NOT NULL;

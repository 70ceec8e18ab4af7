-- 0007 collections: the collection calendar per school year, certification events, Type Membership, district and
-- per-user certifications, recertification, state decisions, the transition log, immutable snapshots and the
-- contacts directory (issue 7; montana-aim.md §5, §7; decisions 0040–0044). Frozen once released.

-- One school year's collection calendar: dates computed from the profile rules, adjustable and published by the
-- state (§5.2 windows change yearly; ARCHITECTURE §5.6 runtime settings live in the database).
CREATE TABLE collection_calendar_year (
  school_year integer PRIMARY KEY REFERENCES school_year,
  published_at timestamptz,
  published_by bigint REFERENCES app_user
);

CREATE TABLE collection_calendar (
  school_year integer NOT NULL REFERENCES collection_calendar_year,
  collection_id text NOT NULL,
  opens date NOT NULL,
  closes date NOT NULL,
  computed_opens date NOT NULL,
  computed_closes date NOT NULL,
  milestones jsonb NOT NULL DEFAULT '{}'::jsonb,
  adjusted_by bigint REFERENCES app_user,
  adjusted_at timestamptz,
  PRIMARY KEY (school_year, collection_id),
  CHECK (opens <= closes)
);

-- A certification event (§7.1 "Event"). `validation_rules` is the validation group resolved to rule ids when the
-- event is saved, so gating and the dashboard are plain joins on findings. While an event has unpublished changes
-- districts keep seeing `published_content` (§7.2 step 1).
CREATE TABLE certification_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_year integer NOT NULL REFERENCES school_year,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  types text[] NOT NULL,
  level text NOT NULL CHECK (level IN ('district', 'school')),
  collection_id text,
  validation_group text,
  validation_rules text[] NOT NULL DEFAULT '{}',
  templates text[] NOT NULL DEFAULT '{}',
  event_start date NOT NULL,
  certification_opens date NOT NULL,
  due_date date NOT NULL,
  state text NOT NULL DEFAULT 'unpublished'
    CHECK (state IN ('unpublished', 'published', 'unpublished-changes', 'closed')),
  published_content jsonb,
  created_by bigint REFERENCES app_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (event_start <= certification_opens AND certification_opens <= due_date)
);
CREATE INDEX certification_event_year ON certification_event (school_year, state);

-- Type Membership (§7.1): who may view or certify a certification type, per district or per school.
CREATE TABLE certification_membership (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_number text NOT NULL REFERENCES district,
  school_number text REFERENCES school,
  type_id text NOT NULL,
  user_id bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('primary', 'secondary')),
  created_by bigint REFERENCES app_user,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX certification_membership_unique
  ON certification_membership (district_number, coalesce(school_number, ''), type_id, user_id);
CREATE INDEX certification_membership_user ON certification_membership (user_id);

-- A state-granted extension of one district's last day to certify (§7.2 step 2, issue 7 item 4).
CREATE TABLE certification_extension (
  event_id bigint NOT NULL REFERENCES certification_event,
  district_number text NOT NULL REFERENCES district,
  extended_until date NOT NULL,
  reason text NOT NULL,
  granted_by bigint REFERENCES app_user,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, district_number)
);

-- One district's certification of one event. The row is the lock two certifiers take (SELECT … FOR UPDATE);
-- `round` counts restarts (return, accepted recertification, reopen) so earlier certifications stop counting.
CREATE TABLE district_certification (
  event_id bigint NOT NULL REFERENCES certification_event,
  district_number text NOT NULL REFERENCES district,
  status text NOT NULL DEFAULT 'not-started' CHECK (status IN (
    'not-started', 'in-progress', 'sent-to-state', 'approved', 'returned',
    'recertification-requested', 'recertification-in-progress')),
  round integer NOT NULL DEFAULT 1,
  snapshot_id bigint,
  approved_before boolean NOT NULL DEFAULT false,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, district_number)
);
CREATE INDEX district_certification_district ON district_certification (district_number);

-- Each primary certifies once per round; the key makes a double click or a race a no-op, not a second row.
CREATE TABLE user_certification (
  event_id bigint NOT NULL,
  district_number text NOT NULL,
  round integer NOT NULL,
  user_id bigint NOT NULL REFERENCES app_user,
  certified_at timestamptz NOT NULL DEFAULT now(),
  nothing_to_report boolean NOT NULL DEFAULT false,
  PRIMARY KEY (event_id, district_number, round, user_id),
  FOREIGN KEY (event_id, district_number) REFERENCES district_certification
);

-- Recertification requests (§7.2 step 5); at most one pending per district and event.
CREATE TABLE recertification_request (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id bigint NOT NULL,
  district_number text NOT NULL,
  requested_by bigint NOT NULL REFERENCES app_user,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decision text CHECK (decision IN ('accepted', 'declined')),
  decided_by bigint REFERENCES app_user,
  decided_at timestamptz,
  decision_reason text,
  FOREIGN KEY (event_id, district_number) REFERENCES district_certification
);
CREATE UNIQUE INDEX recertification_request_pending
  ON recertification_request (event_id, district_number) WHERE decision IS NULL;

-- State approvals and returns (§7.2 step 4), with the reason a return or an approval without certification needs.
CREATE TABLE certification_review (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id bigint NOT NULL,
  district_number text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approved', 'returned')),
  reason text,
  decided_by bigint NOT NULL REFERENCES app_user,
  decided_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (event_id, district_number) REFERENCES district_certification
);

-- Every transition of an event or a district certification: who, when, from, to, why (issue 7 item 9).
CREATE TABLE certification_transition (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES certification_event,
  district_number text,
  command text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  reason text,
  user_id bigint,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certification_transition_event ON certification_transition (event_id, district_number, id);

-- Snapshots (ARCHITECTURE §4 Certification, §7.1 "Snapshot"): the event's rows of a district frozen when every
-- primary has certified. Rows never change; the header is sealed once (hash) and superseded at most once.
CREATE TABLE certification_snapshot (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES certification_event,
  district_number text NOT NULL REFERENCES district,
  round integer NOT NULL,
  content_hash text NOT NULL,
  row_count integer NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  taken_by bigint REFERENCES app_user,
  superseded_at timestamptz,
  superseded_by bigint REFERENCES certification_snapshot
);
CREATE INDEX certification_snapshot_district ON certification_snapshot (event_id, district_number, id DESC);

CREATE TABLE certification_snapshot_row (
  snapshot_id bigint NOT NULL REFERENCES certification_snapshot,
  template_id text NOT NULL,
  record_key text NOT NULL,
  row jsonb NOT NULL
);
CREATE INDEX certification_snapshot_row_key ON certification_snapshot_row (snapshot_id, template_id, record_key);

-- Immutability in the database itself, not only in code: funding and federal reports read these rows.
CREATE FUNCTION certification_snapshot_row_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'certification snapshots are immutable: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER certification_snapshot_row_no_change BEFORE UPDATE OR DELETE ON certification_snapshot_row
  FOR EACH ROW EXECUTE FUNCTION certification_snapshot_row_immutable();
CREATE TRIGGER certification_snapshot_row_no_truncate BEFORE TRUNCATE ON certification_snapshot_row
  FOR EACH STATEMENT EXECUTE FUNCTION certification_snapshot_row_immutable();
CREATE TRIGGER certification_snapshot_no_delete BEFORE DELETE ON certification_snapshot
  FOR EACH ROW EXECUTE FUNCTION certification_snapshot_row_immutable();
CREATE TRIGGER certification_snapshot_no_truncate BEFORE TRUNCATE ON certification_snapshot
  FOR EACH STATEMENT EXECUTE FUNCTION certification_snapshot_row_immutable();

-- A header is written first with an empty hash (its rows need its id) and sealed by one update setting the hash
-- and row count; after that only supersession may change it, once.
CREATE FUNCTION certification_snapshot_only_supersede() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.event_id, NEW.district_number, NEW.round, NEW.taken_at, NEW.taken_by) IS DISTINCT FROM
     (OLD.id, OLD.event_id, OLD.district_number, OLD.round, OLD.taken_at, OLD.taken_by) THEN
    RAISE EXCEPTION 'certification snapshots are immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.content_hash = '' AND NEW.content_hash <> '' AND NEW.superseded_at IS NULL THEN
    RETURN NEW;
  END IF;
  IF OLD.content_hash <> '' AND OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
     AND (NEW.content_hash, NEW.row_count) IS NOT DISTINCT FROM (OLD.content_hash, OLD.row_count) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'certification snapshots are immutable: only sealing and one supersession are allowed'
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER certification_snapshot_supersede_only BEFORE UPDATE ON certification_snapshot
  FOR EACH ROW EXECUTE FUNCTION certification_snapshot_only_supersede();

ALTER TABLE district_certification
  ADD FOREIGN KEY (snapshot_id) REFERENCES certification_snapshot;

-- Contacts directory (issue 7 item 8; seed "Contacts may be designated by role, school, or responsibility").
CREATE TABLE contact (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_number text NOT NULL REFERENCES district,
  school_number text REFERENCES school,
  area text NOT NULL,
  rank text NOT NULL CHECK (rank IN ('primary', 'backup')),
  name text NOT NULL,
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text,
  updated_by bigint REFERENCES app_user,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contact_unique ON contact (district_number, coalesce(school_number, ''), area, rank);
CREATE INDEX contact_area ON contact (area);

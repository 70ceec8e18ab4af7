-- 0006 access: accounts, role grants scoped to the state, a district or a school, sessions, API tokens, password
-- resets, the notification outbox and the append-only audit log (issue 9; decision 0025). Frozen once released.

CREATE TABLE app_user (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  display_name text NOT NULL,
  -- argon2id PHC string; NULL means the account cannot sign in with a password (API tokens only).
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

-- One row per role a user holds. State roles carry no district; district roles carry one; school users carry a
-- district and a school of that district.
CREATE TABLE user_role (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN (
    'state-admin', 'state-staff', 'state-approver', 'auditor',
    'district-admin', 'district-steward', 'school-user')),
  district_number text REFERENCES district,
  school_number text REFERENCES school,
  granted_by bigint REFERENCES app_user,
  granted_at timestamptz NOT NULL DEFAULT now(),
  CHECK (CASE
    WHEN role IN ('state-admin', 'state-staff', 'state-approver', 'auditor')
      THEN district_number IS NULL AND school_number IS NULL
    WHEN role = 'school-user' THEN district_number IS NOT NULL AND school_number IS NOT NULL
    ELSE district_number IS NOT NULL AND school_number IS NULL
  END)
);
CREATE UNIQUE INDEX user_role_unique ON user_role (user_id, role, coalesce(district_number, ''), coalesce(school_number, ''));
CREATE INDEX user_role_district ON user_role (district_number, role);

-- Sessions are looked up by the SHA-256 of the cookie value, so a leaked table does not leak live sessions.
CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX user_session_user ON user_session (user_id);

-- Machine clients (district SIS integrations). A token acts as its owner, narrowed to one role and scope that the
-- owner must hold.
CREATE TABLE api_token (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  user_id bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
  role text NOT NULL,
  district_number text REFERENCES district,
  school_number text REFERENCES school,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE password_reset (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Notifications are written in the same transaction as what caused them; a pluggable sender delivers them
-- (e-mail is optional) and the app shows them.
CREATE TABLE notification (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint REFERENCES app_user ON DELETE CASCADE,
  email text NOT NULL,
  kind text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  read_at timestamptz
);
CREATE INDEX notification_user ON notification (user_id, created_at DESC);
CREATE INDEX notification_undelivered ON notification (id) WHERE delivered_at IS NULL;

-- Who did what, when: sign-ins, reads of student records, writes (old → new), exports. Never updated or deleted.
CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id bigint,
  actor text NOT NULL,
  action text NOT NULL,
  entity text,
  entity_id text,
  district_number text,
  student_id bigint,
  request_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_at ON audit_event (at DESC);
CREATE INDEX audit_event_student ON audit_event (student_id, at DESC) WHERE student_id IS NOT NULL;
CREATE INDEX audit_event_user ON audit_event (user_id, at DESC);
CREATE INDEX audit_event_district ON audit_event (district_number, at DESC);

-- Append-only in the database itself, not only in code: the application's own role can insert and nothing else.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- 0003 identity resolution queue: Student Demographic rows whose best statewide candidate scored in the
-- review band wait here for state staff ("same person" links, "new person" issues an ID). Every decision
-- is audited and reversible (unlink). Frozen once released.

CREATE TABLE identity_review (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id bigint NOT NULL REFERENCES ingestion_batch,
  district_number text NOT NULL REFERENCES district,
  line integer NOT NULL,
  local_id text,
  incoming jsonb NOT NULL,
  candidate_student_id bigint NOT NULL REFERENCES student,
  score numeric(4, 3) NOT NULL,
  reasons jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'linked', 'new', 'unlinked')),
  resolved_student_id bigint REFERENCES student,
  resolved_by text,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_review_open ON identity_review (status, created_at) WHERE status = 'open';

CREATE TABLE identity_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id bigint REFERENCES identity_review,
  student_id bigint REFERENCES student,
  district_number text REFERENCES district,
  action text NOT NULL CHECK (action IN ('matched', 'linked', 'new-person', 'unlinked')),
  actor text NOT NULL,
  detail jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_audit_student ON identity_audit (student_id, at);

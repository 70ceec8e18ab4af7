-- 0011 hand-entry undo (issue 9 §3, decision 0053): what each saved hand entry changed, row by row, so the
-- person who made it can take back their last change. Frozen once released.
-- `changes` holds, per live table, the rows the entry inserted (as written), updated (before and after) and
-- deleted (as they were); an undo checks the live rows still equal the "after" side, then restores the "before"
-- side, in one transaction.
CREATE TABLE hand_entry_change (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id bigint NOT NULL UNIQUE REFERENCES ingestion_batch,
  user_id bigint NOT NULL REFERENCES app_user,
  district_number text NOT NULL REFERENCES district,
  template_id text NOT NULL,
  changes jsonb NOT NULL,
  -- False when something else changed the same rows while the entry was being saved: undo would not be exact.
  undoable boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  undone_by bigint REFERENCES app_user
);
CREATE INDEX hand_entry_change_latest ON hand_entry_change (user_id, district_number, id DESC) WHERE undone_at IS NULL;

/** Kysely table types of the collection calendar, certification and contacts (migrations/0007_collections.sql). */
import type { Generated } from 'kysely';

/** Collections and certification tables by name. */
export interface CollectionsSchema {
  collection_calendar_year: {
    school_year: number;
    published_at: string | null;
    published_by: number | null;
  };
  collection_calendar: {
    school_year: number;
    collection_id: string;
    opens: string;
    closes: string;
    computed_opens: string;
    computed_closes: string;
    milestones: Generated<unknown>;
    adjusted_by: number | null;
    adjusted_at: string | null;
  };
  certification_event: {
    id: Generated<number>;
    school_year: number;
    name: string;
    description: Generated<string>;
    types: string[];
    level: string;
    collection_id: string | null;
    validation_group: string | null;
    validation_rules: Generated<string[]>;
    templates: Generated<string[]>;
    event_start: string;
    certification_opens: string;
    due_date: string;
    state: Generated<string>;
    published_content: unknown;
    created_by: number | null;
    created_at: Generated<string>;
    updated_at: Generated<string>;
  };
  certification_membership: {
    id: Generated<number>;
    district_number: string;
    school_number: string | null;
    type_id: string;
    user_id: number;
    role: string;
    created_by: number | null;
    created_at: Generated<string>;
  };
  certification_extension: {
    event_id: number;
    district_number: string;
    extended_until: string;
    reason: string;
    granted_by: number | null;
    granted_at: Generated<string>;
  };
  district_certification: {
    event_id: number;
    district_number: string;
    status: Generated<string>;
    round: Generated<number>;
    snapshot_id: number | null;
    approved_before: Generated<boolean>;
    status_changed_at: Generated<string>;
  };
  user_certification: {
    event_id: number;
    district_number: string;
    round: number;
    user_id: number;
    certified_at: Generated<string>;
    nothing_to_report: Generated<boolean>;
  };
  recertification_request: {
    id: Generated<number>;
    event_id: number;
    district_number: string;
    requested_by: number;
    reason: string;
    requested_at: Generated<string>;
    decision: string | null;
    decided_by: number | null;
    decided_at: string | null;
    decision_reason: string | null;
  };
  certification_review: {
    id: Generated<number>;
    event_id: number;
    district_number: string;
    decision: string;
    reason: string | null;
    decided_by: number;
    decided_at: Generated<string>;
  };
  certification_transition: {
    id: Generated<number>;
    event_id: number;
    district_number: string | null;
    command: string;
    from_state: string;
    to_state: string;
    reason: string | null;
    user_id: number | null;
    actor: string;
    at: Generated<string>;
  };
  certification_snapshot: {
    id: Generated<number>;
    event_id: number;
    district_number: string;
    round: number;
    content_hash: string;
    row_count: number;
    taken_at: Generated<string>;
    taken_by: number | null;
    superseded_at: string | null;
    superseded_by: number | null;
  };
  contact: {
    id: Generated<number>;
    district_number: string;
    school_number: string | null;
    area: string;
    rank: string;
    name: string;
    email: string;
    phone: string | null;
    updated_by: number | null;
    updated_at: Generated<string>;
  };
}

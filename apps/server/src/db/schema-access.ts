/** Kysely table types of accounts, sessions, tokens, notifications and the audit log (migrations/0006_access.sql). */
import type { Generated, JSONColumnType } from 'kysely';

/** Access tables by name. */
export interface AccessSchema {
  app_user: {
    id: Generated<number>;
    email: string;
    display_name: string;
    password_hash: string | null;
    active: Generated<boolean>;
    failed_logins: Generated<number>;
    locked_until: string | null;
    created_at: Generated<string>;
    updated_at: Generated<string>;
  };
  user_role: {
    id: Generated<number>;
    user_id: number;
    role: string;
    district_number: string | null;
    school_number: string | null;
    granted_by: number | null;
    granted_at: Generated<string>;
  };
  user_session: {
    token_hash: string;
    user_id: number;
    csrf_token: string;
    created_at: Generated<string>;
    last_seen_at: Generated<string>;
    expires_at: string;
    revoked_at: string | null;
  };
  api_token: {
    id: Generated<number>;
    token_hash: string;
    name: string;
    user_id: number;
    role: string;
    district_number: string | null;
    school_number: string | null;
    created_at: Generated<string>;
    expires_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  password_reset: {
    token_hash: string;
    user_id: number;
    created_at: Generated<string>;
    expires_at: string;
    used_at: string | null;
  };
  notification: {
    id: Generated<number>;
    user_id: number | null;
    email: string;
    kind: string;
    subject: string;
    body: string;
    link: string | null;
    created_at: Generated<string>;
    delivered_at: string | null;
    read_at: string | null;
  };
  audit_event: {
    id: Generated<number>;
    at: Generated<string>;
    user_id: number | null;
    actor: string;
    action: string;
    entity: string | null;
    entity_id: string | null;
    district_number: string | null;
    student_id: number | null;
    request_id: string | null;
    detail: JSONColumnType<Record<string, unknown>, string, string>;
  };
}

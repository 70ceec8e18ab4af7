/** Kysely table types for the live schema (kept in step with migrations/). */
import type { Generated } from 'kysely';
import type { RecordSchema } from './schema-records.ts';
import type { ValidationSchema } from './schema-validation.ts';
import type { AccessSchema } from './schema-access.ts';
import type { CollectionsSchema } from './schema-collections.ts';
import type { EwsSchema } from './schema-ews.ts';

/** Table row types by table name. */
export interface Schema extends RecordSchema, ValidationSchema, AccessSchema, CollectionsSchema, EwsSchema {
  schema_migration: { version: number; name: string; checksum: string; applied_at: Generated<string> };
  state_profile: { id: string; name: string; content_hash: string; loaded_at: Generated<string> };
  code_value: { code_set: string; code: string; label: string; provisional: boolean; sort_order: number };
  school_year: { end_year: number; label: string; start_date: string; end_date: string };
  district: {
    district_number: string;
    name: string;
    nces_leaid: string | null;
    level: string;
    ccd_enrollment: number | null;
    ccd_staff_fte: string | null;
  };
  legal_entity: { le_code: string; district_number: string; kind: string; name: string };
  school: {
    school_number: string;
    district_number: string;
    name: string;
    kind: string;
    low_grade: string;
    high_grade: string;
  };
  calendar: {
    id: Generated<number>;
    school_number: string;
    school_year: number;
    calendar_number: string;
    name: string;
    calendar_type: string;
    start_date: string;
    end_date: string;
    instructional_days: number;
    state_exclude: boolean;
  };
  student: {
    id: Generated<number>;
    state_id: string;
    last_name: string;
    first_name: string;
    middle_name: string | null;
    name_suffix: string | null;
    birth_date: string | null;
    gender: string | null;
    hispanic: boolean | null;
    race_codes: string | null;
    photo_opt_in: string | null;
    created_at: Generated<string>;
    updated_at: Generated<string>;
  };
  student_district: {
    student_id: number;
    district_number: string;
    local_id: string | null;
    last_seen_year: number | null;
  };
  staff: {
    id: Generated<number>;
    staff_state_id: string;
    last_name: string;
    first_name: string;
    gender: string | null;
    birth_date: string | null;
    created_at: Generated<string>;
  };
  staff_district: { staff_id: number; district_number: string; school_year: number };
  ingestion_batch: {
    id: Generated<number>;
    district_number: string;
    school_year: number;
    template_id: string | null;
    file_name: string;
    file_sha256: string;
    file_bytes: number;
    dry_run: boolean;
    status: string;
    rows_total: Generated<number>;
    rows_rejected: Generated<number>;
    fatal_count: Generated<number>;
    warning_count: Generated<number>;
    summary: unknown;
    failure: string | null;
    created_at: Generated<string>;
    heartbeat_at: Generated<string>;
    finished_at: string | null;
  };
  ingestion_finding: {
    batch_id: number;
    seq: number;
    line: number | null;
    column_key: string | null;
    field_label: string | null;
    value: string | null;
    code: string;
    severity: string;
    message: string;
    fix: string;
  };
  ingestion_new_state_id: {
    batch_id: number;
    student_id: number;
    line: number | null;
    local_id: string | null;
  };
  identity_review: {
    id: Generated<number>;
    batch_id: number;
    district_number: string;
    line: number;
    local_id: string | null;
    incoming: unknown;
    candidate_student_id: number;
    score: string;
    reasons: unknown;
    status: Generated<string>;
    resolved_student_id: number | null;
    resolved_by: string | null;
    resolved_at: string | null;
    created_at: Generated<string>;
  };
  identity_audit: {
    id: Generated<number>;
    review_id: number | null;
    student_id: number | null;
    district_number: string | null;
    action: string;
    actor: string;
    detail: unknown;
    at: Generated<string>;
  };
  enrollment: {
    id: Generated<number>;
    student_id: number;
    district_number: string;
    school_number: string;
    calendar_id: number;
    school_year: number;
    grade_level: string;
    start_date: string;
    start_status: string;
    end_date: string | null;
    end_status: string | null;
    service_type: string;
    no_show: Generated<boolean>;
    created_at: Generated<string>;
    sort_by: string | null;
    diploma_date: string | null;
    diploma_type: string | null;
    diploma_period: string | null;
    drop_out_reason: string | null;
    date_first_entered_9th_grade: string | null;
    military_connection_status: string | null;
    extracurricular_only: boolean | null;
    esa_participant: boolean | null;
    early_literacy_program: string | null;
    age_19_20_eligible: boolean | null;
    cclc_21st_participant: boolean | null;
    immigrant_us_school_entry_date: string | null;
    sped_exit_date: string | null;
    sped_exit_reason: string | null;
    batch_id: number | null;
  };
}

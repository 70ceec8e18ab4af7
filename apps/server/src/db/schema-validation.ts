/** Kysely table types of the validation findings (migrations/0005_validation.sql). */
import type { Generated } from 'kysely';

/** Validation tables by name. */
export interface ValidationSchema {
  validation_run: {
    id: Generated<number>;
    school_year: number;
    scope: string;
    district_number: string | null;
    student_count: number | null;
    collection: string | null;
    template: string | null;
    trigger: string;
    started_at: Generated<string>;
    finished_at: string | null;
    rules_run: Generated<number>;
    produced: Generated<number>;
    opened: Generated<number>;
    resolved: Generated<number>;
  };
  validation_finding: {
    id: Generated<number>;
    school_year: number;
    finding_key: string;
    rule_id: string;
    severity: string;
    district_number: string;
    other_district_number: string | null;
    student_id: number | null;
    other_student_id: number | null;
    staff_id: number | null;
    state_id: string | null;
    record_table: string;
    record_id: number | null;
    message: string;
    first_seen: Generated<string>;
    last_seen: Generated<string>;
    resolved_at: string | null;
    first_run_id: number;
    last_run_id: number;
    acknowledged_at: string | null;
    acknowledged_by: string | null;
    acknowledgement_reason: string | null;
  };
}

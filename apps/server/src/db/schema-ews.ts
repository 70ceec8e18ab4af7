/** Kysely table types of the Early Warning System (migrations 0012_early_warning.sql, 0017_ews_interventions.sql). */
import type { Generated } from 'kysely';

/** Early-warning tables by name. */
export interface EwsSchema {
  ews_term: {
    id: Generated<number>;
    student_id: number;
    district_number: string;
    school_number: string;
    school_year: number;
    grade_level: string;
    term_end: string;
    days_enrolled: string | number;
    days_present: string | number;
    behavior_incidents: number;
    suspension_days: string | number;
    courses_failed: number;
    credits_earned: string | number;
  };
  ews_audit_year: {
    student_id: number;
    school_year: number;
    frl: boolean;
    el: boolean;
    iep: boolean;
    homeless: boolean;
  };
  ews_model: {
    id: Generated<number>;
    grade: number;
    version: number;
    status: Generated<string>;
    artifact: unknown;
    content_hash: string;
    trained_by: number | null;
    trained_at: Generated<string>;
    promoted_by: number | null;
    promoted_at: string | null;
  };
  ews_score_run: {
    id: Generated<number>;
    as_of: string;
    school_year: number;
    started_by: number | null;
    started_at: Generated<string>;
    students: Generated<number>;
  };
  ews_score: {
    run_id: number;
    student_id: number;
    district_number: string;
    school_number: string;
    grade: number;
    model_id: number;
    probability: number;
    band: string;
    reasons: unknown;
  };
  ews_intervention: {
    id: Generated<number>;
    student_id: number;
    district_number: string;
    school_number: string | null;
    started_on: string;
    ended_on: string | null;
    kind: string;
    note: string | null;
    recorded_by: number | null;
    recorded_at: Generated<string>;
  };
}

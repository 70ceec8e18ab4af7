/** The record tables keyed by student (each has student_id, district_number, school_year and batch_id; migration 0004). */
export const STUDENT_RECORD_TABLES = [
  'program_participation',
  'section_504',
  'english_learner',
  'fram_eligibility',
  'fall_count',
  'spring_count',
  'eoy_attendance',
  'instruction_mode',
  'cte_follow_up',
  'cte_pathway_participation',
  'behavior_event',
  'extracurricular_participation',
  'test_accommodation',
  'roster',
] as const;

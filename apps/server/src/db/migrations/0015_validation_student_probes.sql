-- 0015 validation: record tables reachable by student (issue 6; decision 0078). A re-check of one student after
-- an upload (and a district run's cross-district rules) restricts the record rules to the scope's students by
-- `student_id`; these record tables had no index leading with it, so every one-student re-check scanned each
-- of them whole (≈150,000 count and attendance rows each at Montana scale: 160–220 ms per rule, over the
-- 200-ms budget). Plain btree indexes; the tables' other indexes are unchanged. Frozen once released.
CREATE INDEX program_participation_student ON program_participation (student_id);
CREATE INDEX fram_eligibility_student ON fram_eligibility (student_id);
CREATE INDEX fall_count_student ON fall_count (student_id);
CREATE INDEX spring_count_student ON spring_count (student_id);
CREATE INDEX eoy_attendance_student ON eoy_attendance (student_id);
CREATE INDEX instruction_mode_student ON instruction_mode (student_id);
CREATE INDEX cte_follow_up_student ON cte_follow_up (student_id);
CREATE INDEX behavior_event_student ON behavior_event (student_id);
CREATE INDEX extracurricular_participation_student ON extracurricular_participation (student_id);
CREATE INDEX test_accommodation_student ON test_accommodation (student_id);

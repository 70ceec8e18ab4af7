-- 0008 student search: name-prefix search across the state ("smi", "smith, jo") for the portal and the state-ID
-- lookup (issue 9: search by name across the state < 100 ms). Frozen once released.
CREATE INDEX student_name_prefix ON student (lower(last_name) text_pattern_ops, lower(first_name) text_pattern_ops);

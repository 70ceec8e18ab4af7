/**
 * The SQL that issues a new student state ID (decision 0004): the next sequence value n mapped through
 * (n × 387420489 + 104729) mod 10^9. The multiplier is coprime with 10^9, so distinct n give distinct IDs
 * (never reused), yet IDs reveal neither the order nor the volume of enrollment. One definition for every
 * path that issues IDs (conversion load, uploads, the resolution queue).
 */
import { sql } from 'kysely';

/** An SQL expression yielding a fresh 9-digit state ID (volatile: draws from the sequence). */
export const newStudentStateIdSql = sql<string>`lpad(((nextval('student_state_id_seq') * 387420489 + 104729) % 1000000000)::text, 9, '0')`;

/**
 * The finding codes the upload pipeline writes (parsers, cell checks, record checks, merges). They live in
 * the ingestion and student-records modules; this list is how the catalogue check knows them, and
 * `upload-check-ids.test.ts` scans those modules so a new code cannot ship without a catalogue entry.
 */
export const UPLOAD_CHECK_IDS: readonly string[] = [
  // parsers/ (file and row structure)
  'FILE-EMPTY',
  'FILE-NO-ROWS',
  'FILE-FORMAT',
  'FILE-READ',
  'FILE-ENCODING',
  'FILE-TEMPLATE',
  'FILE-TOO-MANY-ROWS',
  'HDR-HD-ROW',
  'HDR-MISSING-COLUMN',
  'HDR-UNKNOWN-COLUMN',
  'HDR-DUPLICATE-COLUMN',
  'ROW-EXTRA-CELLS',
  'ROW-NUL-CHAR',
  'ROW-STRAY-QUOTE',
  'ROW-TOO-LONG',
  'ROW-UNTERMINATED-QUOTE',
  // column-checks.repository.ts
  'FLD-REQUIRED',
  'FLD-CODE',
  'FLD-DATE',
  'FLD-FORMAT',
  'FLD-WIDTH',
  // record-checks.repository.ts, upload-merge.repository.ts
  'ROW-DISTRICT',
  'ROW-YEAR',
  'ROW-DUPLICATE-KEY',
  'SD-DUPLICATE-LOCAL-ID',
  'ID-UNKNOWN',
  'ID-REVIEW',
  'ENR-SCHOOL',
  'ENR-CALENDAR',
  'ENR-DATES',
  'ENR-END-STATUS',
  'ENR-NO-STATE-ID',
  // student-records/ record rules and merges
  'REC-NO-PARENT',
  'REC-DATE-ORDER',
  'REC-KEPT',
  'REC-OVERLAP',
  'PP-HOMELESS-RESIDENCE',
  'PP-GIFTED-EVALUATED',
  'CTE-CREDITS',
  'CTE-CONCENTRATOR',
  'TA-END-DATE',
  'TA-NO-PROGRAM',
  'DA-CLOSED-OVERLAP',
  // student-records/ews-student-data.rules.ts (decision 0071)
  'EWS-ABSENT-OVER-ENROLLED',
  'EWS-AS-OF-FUTURE',
  'EWS-AS-OF-YEAR',
  'EWS-BIRTH-DATE',
  'EWS-CREDITS-REQUIRED',
  'EWS-DISTRICT-CHANGES',
  'EWS-NEGATIVE',
  'EWS-NO-DAYS',
  'EWS-SUSPENSION-WITHOUT-EVENT',
];

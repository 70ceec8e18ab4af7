/** Statewide findings as an export table (CSV/XLSX through the upload module's injection-safe writers). */
import type { ExportTable } from '../ingestion/findings-export.ts';
import type { FindingRecord } from './validation.repository.ts';

/** The findings a district downloads. */
export function validationFindingsTable(findings: FindingRecord[]): ExportTable {
  return {
    sheet: 'Findings',
    header: [
      'Rule',
      'Severity',
      'District',
      'Other district',
      'State ID',
      'Record',
      'Record id',
      'Message',
      'First seen',
      'Last seen',
      'Resolved',
      'Acknowledged by',
      'Reason',
    ],
    rows: findings.map((f) => [
      f.rule,
      f.severity,
      f.district,
      f.otherDistrict,
      f.stateId,
      f.recordTable,
      f.recordId,
      f.message,
      f.firstSeen,
      f.lastSeen,
      f.resolvedAt,
      f.acknowledgedBy,
      f.acknowledgementReason,
    ]),
  };
}

import { getJson, withQuery } from '../../lib/api.ts';

/** One audit event, as `auditEventSchema` in packages/contracts access.ts (which exports no type for it). */
export interface AuditEvent {
  id: number;
  at: string;
  userId: number | null;
  actor: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  districtNumber: string | null;
  studentId: number | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

/** The audit log's filters as the page keeps them ('' = any). Dates are `YYYY-MM-DD`, both ends included. */
export interface AuditFilters {
  action: string;
  actor: string;
  district: string;
  from: string;
  to: string;
}

/** Events per page: enough to scan, small enough to load at once. */
export const AUDIT_PAGE_SIZE = 100;

function params(filters: AuditFilters): Record<string, string | undefined> {
  // A half-typed district number would be a 400; it filters only once it has four digits.
  const district = /^\d{4}$/.test(filters.district) ? filters.district : undefined;
  return {
    action: filters.action.trim() || undefined,
    actor: filters.actor.trim() || undefined,
    district,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

/** One page of events, newest first; `beforeId` continues after the last event of the previous page. */
export async function searchAudit(
  filters: AuditFilters,
  beforeId: number | undefined,
  signal?: AbortSignal,
): Promise<AuditEvent[]> {
  const path = withQuery('/api/v1/audit-events', { ...params(filters), limit: AUDIT_PAGE_SIZE, beforeId });
  return (await getJson<{ events: AuditEvent[] }>(path, signal)).events;
}

/** The CSV or XLSX export of every event the filters select (the server caps it at 10,000). */
export function auditExportUrl(format: 'csv' | 'xlsx', filters: AuditFilters): string {
  return withQuery(`/api/v1/audit-events.${format}`, params(filters));
}

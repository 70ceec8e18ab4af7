import { AuditLog } from '../features/audit/audit-log.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';

/** The audit log: who did what, when (state staff and auditors). */
export function AuditPage() {
  return (
    <>
      <title>{`Audit log · ${PRODUCT_NAME}`}</title>
      <h1>Audit log</h1>
      <AuditLog />
    </>
  );
}

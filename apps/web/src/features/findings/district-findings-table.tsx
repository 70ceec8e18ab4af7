import { Link } from 'react-router';
import type { ValidationFinding } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
// Same date format as the identity review queue, so staff read one style everywhere.
import { formatDateTime } from '../identity/review-labels.ts';
import { AcknowledgeAction } from './acknowledge-action.tsx';
import type { FindingSortKey } from './finding-view.ts';
import { canAcknowledge, findingSortValue, findingState } from './finding-view.ts';

type FindingColumn = Column<ValidationFinding, FindingSortKey>;

/** Props of DistrictFindingsTable. */
export interface DistrictFindingsTableProps {
  district: string;
  findings: readonly ValidationFinding[];
  total: number;
  /** Whether to offer "Acknowledge" (the user holds findings:acknowledge; the server checks the district). */
  mayAcknowledge: boolean;
  sort: FindingSortKey;
  order: SortOrder;
  onSort: (sort: FindingSortKey, order: SortOrder) => void;
  onAcknowledged: (finding: ValidationFinding) => void;
}

function Message({ finding, district }: { finding: ValidationFinding; district: string }) {
  // A cross-district finding names the district on the other side, whichever side this page is.
  const other = finding.district === district ? finding.otherDistrict : finding.district;
  return (
    <>
      {finding.message}
      {other && (
        <span className="note">
          {' '}
          · also involves <Link to={`/districts/${other}/findings`}>district {other}</Link>
        </span>
      )}
      {finding.fixLink && (
        <>
          {' '}
          ·{' '}
          <Link
            to={finding.fixLink}
            aria-label={`Fix ${finding.rule}${finding.stateId ? ` for ${finding.stateId}` : ''}`}
          >
            Fix
          </Link>
        </>
      )}
    </>
  );
}

function StateId({ finding }: { finding: ValidationFinding }) {
  if (!finding.stateId) return <>—</>;
  // The state ID opens the student's record page in this district.
  return finding.recordLink ? <Link to={finding.recordLink}>{finding.stateId}</Link> : <>{finding.stateId}</>;
}

function Status(
  props: { finding: ValidationFinding; district: string; mayAcknowledge: boolean } & Pick<
    DistrictFindingsTableProps,
    'onAcknowledged'
  >,
) {
  const { finding } = props;
  const state = findingState(finding);
  if (state === 'acknowledged')
    return (
      <span title={finding.acknowledgementReason ?? undefined}>
        Acknowledged by {finding.acknowledgedBy ?? 'unknown'} on {formatDateTime(finding.acknowledgedAt)}
        {finding.acknowledgementReason && <span className="note"> — {finding.acknowledgementReason}</span>}
      </span>
    );
  if (state === 'resolved') return <>Resolved {formatDateTime(finding.resolvedAt)}</>;
  if (!props.mayAcknowledge || !canAcknowledge(finding)) return <>Open</>;
  return (
    <>
      Open{' '}
      <AcknowledgeAction finding={finding} district={props.district} onAcknowledged={props.onAcknowledged} />
    </>
  );
}

/**
 * A district's findings: rule, severity, state ID (linking to the student), message with a link to the screen
 * that fixes it, first seen and status with the acknowledge action.
 */
export function DistrictFindingsTable(props: DistrictFindingsTableProps) {
  const { district, findings, total } = props;
  const column = (key: FindingSortKey, label: string, extra: Partial<FindingColumn> = {}): FindingColumn => ({
    key,
    label,
    sortValue: (f) => findingSortValue(f, key),
    ...extra,
  });
  const columns: FindingColumn[] = [
    column('rule', 'Rule', { render: (f) => <span className="rule-id">{f.rule}</span> }),
    column('severity', 'Severity', {
      render: (f) => <span className={`severity severity-${f.severity}`}>{f.severity}</span>,
    }),
    column('stateId', 'State ID', { render: (f) => <StateId finding={f} /> }),
    column('message', 'Message', { render: (f) => <Message finding={f} district={district} /> }),
    column('firstSeen', 'First seen', { render: (f) => formatDateTime(f.firstSeen) }),
    column('status', 'Status', {
      render: (f) => (
        <Status
          finding={f}
          district={district}
          mayAcknowledge={props.mayAcknowledge}
          onAcknowledged={props.onAcknowledged}
        />
      ),
    }),
  ];
  const caption =
    findings.length === total
      ? plural(total, 'finding')
      : `First ${formatCount(findings.length)} of ${plural(total, 'finding')} (download for all)`;
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={findings}
      rowKey={(f) => String(f.id)}
      rowHeader="rule"
      sort={props.sort}
      order={props.order}
      onSort={props.onSort}
      empty="No finding matches these filters."
    />
  );
}

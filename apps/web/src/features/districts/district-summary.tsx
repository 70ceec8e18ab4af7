import type { DistrictDetail } from '@bitterroot/contracts';
import { formatCount } from '../../lib/format.ts';
import { levelLabel } from './labels.ts';

/** The district's identity: number, level, NCES id, and its enrollment figures. */
export function DistrictSummary({ district }: { district: DistrictDetail }) {
  return (
    <dl className="facts">
      <div>
        <dt>District number</dt>
        <dd>{district.districtNumber}</dd>
      </div>
      <div>
        <dt>Level</dt>
        <dd>{levelLabel(district.level)}</dd>
      </div>
      <div>
        <dt>NCES LEA id</dt>
        <dd>{district.ncesLeaId ?? '—'}</dd>
      </div>
      <div>
        <dt>Schools</dt>
        <dd>{formatCount(district.schoolCount)}</dd>
      </div>
      <div>
        <dt>Students loaded</dt>
        <dd>{formatCount(district.studentCount)}</dd>
      </div>
      <div>
        <dt>CCD enrollment</dt>
        <dd>{formatCount(district.ccdEnrollment)}</dd>
      </div>
    </dl>
  );
}

import type { District } from '@bitterroot/contracts';
import { StatList } from '../../components/stat-list.tsx';
import { formatCount } from '../../lib/format.ts';

/** State-wide totals: districts, schools, students loaded, and CCD enrollment for comparison. */
export function StateHeadline({ districts }: { districts: readonly District[] }) {
  let schools = 0;
  let students = 0;
  let ccd = 0;
  for (const d of districts) {
    schools += d.schoolCount;
    students += d.studentCount;
    ccd += d.ccdEnrollment ?? 0;
  }
  return (
    <StatList
      label="State totals"
      stats={[
        { label: 'Districts', value: formatCount(districts.length) },
        { label: 'Schools', value: formatCount(schools) },
        { label: 'Students', value: formatCount(students), note: 'records loaded' },
        { label: 'CCD enrollment', value: formatCount(ccd), note: 'NCES, for comparison' },
      ]}
    />
  );
}

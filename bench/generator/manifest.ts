import type { DefectEntry } from './defects.ts';
import type { ScaleName } from './scale.ts';

/** What a generator run wrote; byte-identical for the same options (no timestamps). */
export interface Manifest {
  scale: ScaleName;
  seed: number;
  schoolYear: number;
  historyYears: number;
  defectRate: number;
  format: { delimiter: 'tab'; lineEnding: 'LF'; encoding: 'UTF-8'; header: string };
  districts: number;
  students: { current: number; newToState: number };
  /** Layout source per template id: `profile` (profiles/montana/templates) or the generator's `fallback`. */
  layouts: Record<string, 'profile' | 'fallback'>;
  /** Detail rows per district file (header excluded). */
  files: Record<string, number>;
  /** Detail rows per template across districts. */
  templates: Record<string, number>;
  /** Data rows per state-baseline file (column-name header excluded). */
  baseline: Record<string, number>;
  /** District detail rows plus baseline rows. */
  totalRecords: number;
  defects: DefectEntry[];
}

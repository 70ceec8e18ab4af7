import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generator/generate.ts';
import type { ScaleName } from './generator/scale.ts';

// Usage: node bench/generate.ts --scale montana --school-year 2026 --out .data/gen --seed 1 --history 3 --defects 0.001
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    'school-year': { type: 'string', default: '2026' },
    out: { type: 'string', default: '.data/generated' },
    seed: { type: 'string', default: '1' },
    history: { type: 'string', default: '3' },
    defects: { type: 'string', default: '0' },
  },
});
const scale = values.scale as ScaleName;
if (!['small', 'montana', 'texas'].includes(scale))
  throw new Error(`--scale must be small|montana|texas, got ${scale}`);
const root = join(import.meta.dirname, '..');
const started = performance.now();
const manifest = await generate({
  scale,
  schoolYear: Number(values['school-year']),
  outDir: values.out,
  seed: Number(values.seed),
  historyYears: Number(values.history),
  defectRate: Number(values.defects),
  districtsCsvPath: join(root, 'profiles/montana/organization/districts.csv'),
  onProgress: (msg) => console.error(msg),
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `${scale}: ${manifest.students.current} students (${manifest.students.newToState} new to the state), ` +
    `${manifest.totalRecords} records, ${manifest.defects.length} defects in ${seconds.toFixed(1)} s ` +
    `(${Math.round(manifest.totalRecords / seconds)} records/s) → ${values.out}`,
);

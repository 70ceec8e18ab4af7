/** `./bitterroot generate`: a synthetic state written as district upload files plus a state baseline. */
import { resolve } from 'node:path';
import { repoRoot } from '../platform/config.ts';
import { generate } from '../../../../bench/generator/index.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';

/** Synthetic state sizes. */
export type Scale = 'small' | 'montana' | 'texas';

/** Generation options (see bench/generator/README.md). */
export type GenerateOptions = {
  scale: Scale;
  schoolYear: number;
  outDir: string;
  seed: number;
  historyYears: number;
  defectRate: number;
};

/** Generates a state into `outDir`. */
export async function generateState(options: GenerateOptions): Promise<{ totalRecords: number }> {
  const manifest = await generate({
    ...options,
    districtsCsvPath: resolve(repoRoot, 'profiles/montana/organization/districts.csv'),
    onProgress: (m: string) => console.log(`  ${m}`),
  });
  return { totalRecords: manifest.totalRecords };
}

function intFlag(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new CliError(`--${name} must be a number (got ${value})`);
  return n;
}

/** CLI entry. */
export async function generateCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    scale: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    history: { type: 'string' },
    defects: { type: 'string' },
  });
  const scale = (values.scale ?? 'small') as Scale;
  if (!['small', 'montana', 'texas'].includes(scale))
    throw new CliError(`--scale must be small, montana or texas (got ${values.scale})`);
  if (!values.out) throw new CliError('--out DIR is required');
  const started = performance.now();
  const result = await generateState({
    scale,
    schoolYear: intFlag(values['school-year'], 'school-year', 2026),
    outDir: resolve(values.out),
    seed: intFlag(values.seed, 'seed', 1),
    historyYears: intFlag(values.history, 'history', 0),
    defectRate: intFlag(values.defects, 'defects', 0),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `generated ${result.totalRecords} records in ${seconds.toFixed(1)} s (${Math.round(result.totalRecords / seconds)} records/s) into ${values.out}`,
  );
  return 0;
}

/** `./bitterroot stats`: record counts per type per district, as a table or JSON. */
import { loadConfig } from '../platform/config.ts';
import { organizationsService } from '../modules/organizations/organizations.service.ts';
import { parseFlags } from './flags.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

/** CLI entry. */
export async function statsCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { district: { type: 'string' }, json: { type: 'boolean' } });
  const config = loadConfig({ database: values.database, schoolYear: values['school-year'] });
  const database = await openOrExplain(config.database);
  try {
    await migrateOrExplain(database);
    const rows = await organizationsService(database.db, config.schoolYear).stats(values.district);
    if (values.json) {
      console.log(JSON.stringify({ schoolYear: config.schoolYear, districts: rows }, null, 2));
      return 0;
    }
    const types = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))];
    const totals = Object.fromEntries(
      types.map((t) => [t, rows.reduce((s, r) => s + (r.counts[t] ?? 0), 0)]),
    );
    console.log(['district', ...types].map((h) => h.padStart(12)).join(''));
    for (const r of rows)
      console.log(
        [r.districtNumber, ...types.map((t) => String(r.counts[t] ?? 0))].map((c) => c.padStart(12)).join(''),
      );
    console.log(['total', ...types.map((t) => String(totals[t]))].map((c) => c.padStart(12)).join(''));
    return 0;
  } finally {
    await database.close();
  }
}

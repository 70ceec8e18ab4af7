/** Loads every `ews-terms-YYYY.tsv` of a generated or converted state's `state-baseline/` folder, atomically. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../db/database.ts';
import { loadTermLines, type TermLoadCount } from './ews-load.repository.ts';

/** Loads the EWS term files under `DIR/state-baseline/`; returns the counts per file. */
export async function loadEwsTerms(database: Database, dir: string): Promise<Record<string, TermLoadCount>> {
  const base = join(dir, 'state-baseline');
  const files = (await readdir(base)).filter((n) => /^ews-terms-\d{4}\.tsv$/.test(n)).sort();
  return await database.db.transaction().execute(async (trx) => {
    const out: Record<string, TermLoadCount> = {};
    for (const name of files) {
      const text = await readFile(join(base, name), 'utf8');
      const lines = text.split('\n');
      out[name] = await loadTermLines(trx, lines.slice(1));
    }
    return out;
  });
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOAD_CHECK_IDS } from './upload-check-ids.ts';

// Every finding code written by the upload pipeline must be known to the catalogue (issue 6): scan the
// modules (and the pure cell checks) that write ingestion findings for code literals and compare with the list the catalogue checks.
const MODULES = ['../ingestion', '../student-records'].map((d) => new URL(d, import.meta.url).pathname);
// Cell checks moved into the pure rules package; the rest of that package holds statewide rule ids.
const EXTRA_FILES = [new URL('../../../../../packages/rules/src/cell-checks.ts', import.meta.url).pathname];
const CODE = /'([A-Z]{2,4}(?:-[A-Z0-9]+)+)'/g;
// Literals of that shape that are not finding codes: SQL date formats.
const NOT_CODES = new Set(['YYYY-MM-DD']);

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.includes('.test.'))
    .map((e) => join(e.parentPath, e.name));
}

describe('upload finding codes', () => {
  it('lists every code the ingestion and student-records modules write (ARCHITECTURE §4 Validation)', async () => {
    const found = new Set<string>();
    const files = [...(await Promise.all(MODULES.map(sources))).flat(), ...EXTRA_FILES];
    for (const file of files)
      for (const m of (await readFile(file, 'utf8')).matchAll(CODE))
        if (!NOT_CODES.has(m[1]!)) found.add(m[1]!);
    expect([...found].filter((c) => !UPLOAD_CHECK_IDS.includes(c)).sort()).toEqual([]);
    expect(UPLOAD_CHECK_IDS.filter((c) => !found.has(c)).sort()).toEqual([]);
  });
});

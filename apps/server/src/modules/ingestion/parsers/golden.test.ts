// Golden files: each fixture has `<name>.expected.json` with what detectFile and readRows must return.
// Set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAll } from './parse-all.test-helper.ts';

const dir = join(import.meta.dirname, 'fixtures');
const inputs = readdirSync(dir)
  .filter((n) => !n.endsWith('.expected.json'))
  .sort();

describe.each(inputs)('fixture %s', (name) => {
  const path = join(dir, name);

  it('matches its golden file', async () => {
    const got = await parseAll(path);
    const expectedPath = join(dir, `${name}.expected.json`);
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(expectedPath, JSON.stringify(got, null, 2) + '\n');
    expect(got).toEqual(JSON.parse(await readFile(expectedPath, 'utf8')));
  });

  it('reads the same with a chunk boundary at every byte', async () => {
    const whole = await parseAll(path);
    for (const chunkSize of [1, 2, 3, 5, 7, 64]) {
      expect(await parseAll(path, { chunkSize })).toEqual(whole);
    }
  });
});

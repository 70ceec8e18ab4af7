import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUtf8, completeLength } from './encoding.ts';

// The UTF-8 check reads 1 MiB chunks: a character split across two chunks must not make a valid file invalid,
// and a file cut inside a character must still be found invalid.

const dir = await mkdtemp(join(tmpdir(), 'bitterroot-encoding-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fileOf(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('completeLength', () => {
  it.each([
    ['ASCII end', [0x41, 0x42], 2],
    ['two-byte sequence complete', [0x41, 0xc3, 0xb1], 3],
    ['two-byte lead alone', [0x41, 0xc3], 1],
    ['three-byte sequence cut after two', [0x41, 0xe1, 0xbb], 1],
    ['four-byte sequence cut after three', [0xf0, 0x9f, 0x98], 0],
    ['four-byte sequence complete', [0xf0, 0x9f, 0x98, 0x80], 4],
    ['stray continuation bytes are left to the validator', [0x41, 0x80, 0x80, 0x80, 0x80], 5],
  ])('%s', (_name, bytes, expected) => {
    expect(completeLength(Uint8Array.from(bytes))).toBe(expected);
  });
});

describe('checkUtf8 across chunk boundaries', () => {
  const MiB = 1 << 20;
  for (const offset of [1, 2, 3]) {
    it(`accepts a four-byte character that starts ${offset} byte(s) before the chunk boundary`, async () => {
      const emoji = Buffer.from('😀', 'utf8');
      const bytes = Buffer.concat([Buffer.alloc(MiB - offset, 0x61), emoji, Buffer.from('\nNguyễn Peña\n')]);
      expect(await checkUtf8(await fileOf(`split-${offset}.txt`, bytes), 0)).toEqual({ valid: true });
    });
  }

  it('rejects a Windows-1252 byte after the first chunk, naming its line', async () => {
    const bytes = Buffer.concat([Buffer.alloc(MiB + 10, 0x61), Buffer.from('\nPe\xf1a\n', 'latin1')]);
    const verdict = await checkUtf8(await fileOf('cp1252.txt', bytes), 0);
    expect(verdict).toMatchObject({ valid: false, multibyte: 0, firstBadLine: 2 });
  });

  it('rejects a file that ends inside a character', async () => {
    const bytes = Buffer.concat([Buffer.from('Nguy'), Buffer.from([0xe1, 0xbb])]);
    expect((await checkUtf8(await fileOf('cut.txt', bytes), 0)).valid).toBe(false);
  });
});

/**
 * Whole-file passes (hashing, encoding checks) through one reused buffer: reading a 100 MB upload through a
 * stream's fresh chunks leaves tens of megabytes of garbage behind before the collector gets to it, which is
 * most of a large import's peak memory.
 */
import { open } from 'node:fs/promises';

const CHUNK = 1 << 20;

/** What a pass saw: whether `visit` stopped it early, and the unconsumed bytes left at the end of the file. */
export type ChunkPass = { stopped: boolean; leftover: number };

/**
 * Reads `path` from byte `start` and calls `visit` with the bytes at hand (valid only during the call). `visit`
 * returns how many leading bytes it consumed (the rest are handed back first next time, e.g. a character the
 * chunk cut short) or false to stop.
 */
export async function scanFile(
  path: string,
  start: number,
  visit: (bytes: Buffer) => number | false,
): Promise<ChunkPass> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const file = await open(path, 'r');
  try {
    let position = start;
    let carried = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, carried, buffer.length - carried, position);
      if (bytesRead === 0) return { stopped: false, leftover: carried };
      position += bytesRead;
      const filled = carried + bytesRead;
      const consumed = visit(buffer.subarray(0, filled));
      if (consumed === false) return { stopped: true, leftover: filled };
      buffer.copyWithin(0, consumed, filled);
      carried = filled - consumed;
    }
  } finally {
    await file.close();
  }
}

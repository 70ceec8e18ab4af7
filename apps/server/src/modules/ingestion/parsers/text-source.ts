/**
 * Streams a text file as batches of records: bytes → decoder (stream mode, so a character split across
 * two reads is joined, never mangled) → RecordSplitter.
 */
import { createReadStream } from 'node:fs';
import { NEEDS_CLEANUP } from './cells.ts';
import { decoderFor } from './encoding.ts';
import type { TextEncoding } from './encoding.ts';
import { RecordSplitter } from './records.ts';
import type { RawRecord } from './records.ts';

/** Reading options; a small chunk size lets tests put chunk boundaries everywhere. */
export type TextOptions = { chunkSize?: number };

/** A batch of records and whether any text so far needed more than trimming (NUL, U+FFFD, odd spaces). */
export type TextBatch = { records: RawRecord[]; dirty: boolean };

/** Yields record batches, one per chunk read; splitting findings ride on the records as `notes`. */
export async function* textRecords(
  path: string,
  encoding: TextEncoding,
  delimiter: string,
  options: TextOptions = {},
): AsyncGenerator<TextBatch> {
  const decoder = decoderFor(encoding);
  const splitter = new RecordSplitter(delimiter);
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 16 });
  let dirty = false;
  try {
    for await (const chunk of stream) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (!dirty && NEEDS_CLEANUP.test(text)) dirty = true;
      const records: RawRecord[] = [];
      splitter.push(text, records);
      if (records.length > 0) yield { records, dirty };
    }
    const tail = decoder.decode();
    if (!dirty && NEEDS_CLEANUP.test(tail)) dirty = true;
    const records: RawRecord[] = [];
    splitter.push(tail, records);
    splitter.end(records);
    if (records.length > 0) yield { records, dirty };
  } finally {
    stream.destroy();
  }
}

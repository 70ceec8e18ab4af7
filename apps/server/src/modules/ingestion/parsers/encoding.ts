/**
 * Text-encoding detection: BOMs, BOM-less UTF-16, UTF-8 validity over the whole file (a Windows-1252 byte
 * can sit on the last line), and telling binary files from text before anything tries to split them.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { scanFile } from './file-chunks.ts';

/** Encodings the readers decode. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark announces, or null when the file has none. */
export function bomEncoding(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** Guesses BOM-less UTF-16 from the zero high bytes that Latin text leaves in every other position. */
export function guessUtf16(head: Uint8Array): TextEncoding | null {
  const pairs = Math.min(head.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Excel .xls or Word .doc file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program file'],
];

/** Names a well-known binary format from its first bytes, or null. */
export function binaryMagic(head: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) {
    if (sig.every((b, i) => head[i] === b)) return what;
  }
  return null;
}

/** True when decoded sample text is mostly control characters: real uploads are text with a few tabs. */
export function looksBinary(sample: string): boolean {
  let odd = 0;
  const n = Math.min(sample.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) odd++;
  }
  return n > 0 && odd / n > 0.1;
}

/** Result of checking a BOM-less file for UTF-8 validity. */
export type Utf8Verdict = { valid: true } | { valid: false; multibyte: number; firstBadLine: number };

/**
 * Passes the file once through a byte-level UTF-8 validator; only a file that fails gets the slower byte scan.
 * Validating bytes rather than decoding them allocates nothing per chunk: decoding a 100 MB file only to throw
 * the text away costs as much memory as the text.
 */
export async function checkUtf8(path: string, skip: number): Promise<Utf8Verdict> {
  const pass = await scanFile(path, skip, (bytes) => {
    const cut = completeLength(bytes);
    return isUtf8(bytes.subarray(0, cut)) ? cut : false;
  });
  return pass.stopped || pass.leftover > 0 ? await scanUtf8(path, skip) : { valid: true };
}

/**
 * The length of `bytes` without a multibyte sequence the chunk cuts short at its end (at most three bytes, kept
 * for the next chunk). Bytes that could never start a sequence are left in, so the validator rejects them.
 */
export function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n; // ASCII: nothing is cut short
    if (b >= 0xc0) {
      // A lead byte: the sequence it starts needs this many bytes in all.
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
    // A continuation byte: look further back for its lead.
  }
  return n;
}

// Counts well-formed multibyte sequences and locates the first bad byte. A file with bad bytes and no
// multibyte sequences is Windows-1252; one with both mixes encodings and cannot be decoded without mojibake.
async function scanUtf8(path: string, skip: number): Promise<Utf8Verdict> {
  let need = 0;
  let lo = 0x80;
  let hi = 0xbf;
  let multibyte = 0;
  let line = 1;
  let prevCr = false;
  let firstBadLine = 0;
  for await (const chunk of createReadStream(path, { start: skip, highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (need > 0) {
        if (b >= lo && b <= hi) {
          need--;
          lo = 0x80;
          hi = 0xbf;
          if (need === 0) multibyte++;
          continue;
        }
        if (firstBadLine === 0) firstBadLine = line;
        need = 0;
      }
      if (b < 0x80) {
        if (b === 0x0a) {
          if (!prevCr) line++;
        } else if (b === 0x0d) line++;
        prevCr = b === 0x0d;
        continue;
      }
      prevCr = false;
      [need, lo, hi] = leadByte(b);
      if (need === 0 && firstBadLine === 0) firstBadLine = line;
    }
  }
  if (need > 0 && firstBadLine === 0) firstBadLine = line;
  return firstBadLine === 0 ? { valid: true } : { valid: false, multibyte, firstBadLine };
}

// Continuation count and allowed range of the first continuation byte (RFC 3629 table: no overlongs,
// no surrogates, nothing past U+10FFFF). need = 0 means the byte cannot start a sequence.
function leadByte(b: number): [number, number, number] {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf];
  if (b === 0xed) return [2, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [2, 0x80, 0xbf];
  if (b === 0xf0) return [3, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f];
  return [0, 0x80, 0xbf];
}

/** A streaming decoder for the encoding; it drops a leading BOM itself. */
export function decoderFor(encoding: TextEncoding): TextDecoder {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return new TextDecoder(label);
}

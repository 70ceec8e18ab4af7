/**
 * Splits decoded text into records: a state machine over string chunks that accepts LF, CRLF and lone CR,
 * RFC 4180 quoting (embedded delimiters, line breaks and doubled quotes) and never holds more than one
 * record plus one chunk. Lines without a quote take a fast path (indexOf + split).
 */
import { finding } from './finding.ts';
import type { ParseFinding } from './finding.ts';

/**
 * One record before cell clean-up; `line` is the physical line it starts on. `notes` are findings met
 * while splitting, carried on the next record so they reach the caller in the same order whatever the
 * chunk size.
 */
export type RawRecord = { line: number; cells: string[]; notes?: ParseFinding[] };

// A record longer than this is not student data: it is a quote that never closes or a file without line
// breaks. The cap keeps memory bounded whatever the bytes are.
export const MAX_RECORD_CHARS = 1 << 20;

type Quoted = { cells: string[]; next: number; breaks: number; stray: boolean } | 'more' | 'unterminated';

/** Feeds text chunks in, pushes complete records out; call end() once after the last chunk. */
export class RecordSplitter {
  private buf = '';
  private line = 1;
  private skipping = false;
  // Buffer offset before which quotes are plain characters: set after a quote that never closed, so
  // the lines it swallowed are read again as ordinary lines.
  private literalUntil = 0;
  private notes: ParseFinding[] = [];
  private readonly delimiter: string;

  /** `delimiter` is a tab or a comma. */
  constructor(delimiter: string) {
    this.delimiter = delimiter;
  }

  /** Adds a decoded chunk and appends every record it completes to `out`. */
  push(text: string, out: RawRecord[]): void {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    this.process(false, out);
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(out: RawRecord[]): void {
    this.process(true, out);
    this.buf = '';
    if (this.notes.length > 0) this.emit(out, this.line, []);
  }

  private emit(out: RawRecord[], line: number, cells: string[]): void {
    if (this.notes.length === 0) out.push({ line, cells });
    else {
      out.push({ line, cells, notes: this.notes });
      this.notes = [];
    }
  }

  private process(final: boolean, out: RawRecord[]): void {
    const buf = this.buf;
    let pos = 0;
    let nextLf = -2;
    let nextCr = -2;
    while (pos < buf.length) {
      if (nextLf !== -1 && nextLf < pos) nextLf = buf.indexOf('\n', pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = buf.indexOf('\r', pos);
      let brk = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      // A chunk ending in CR may be the first half of CRLF: wait for the next chunk to know.
      if (!final && (brk === -1 || (brk === buf.length - 1 && buf.charCodeAt(brk) === 13))) {
        if (buf.length - pos > MAX_RECORD_CHARS && !this.skipping) this.tooLong();
        if (this.skipping) pos = brk === -1 ? buf.length : brk;
        break;
      }
      if (brk === -1) brk = buf.length;
      const next = brk + (buf.charCodeAt(brk) === 13 && buf.charCodeAt(brk + 1) === 10 ? 2 : 1);
      if (this.skipping) {
        this.skipping = false;
        this.line++;
        pos = next;
        continue;
      }
      if (brk - pos > MAX_RECORD_CHARS) {
        this.tooLong();
        this.skipping = false;
        this.line++;
        pos = next;
        continue;
      }
      const text = buf.slice(pos, brk);
      if (pos < this.literalUntil || text.indexOf('"') === -1) {
        if (text.length > 0) this.emit(out, this.line, text.split(this.delimiter));
        this.line++;
        pos = next;
        continue;
      }
      const q = this.quoted(buf, pos, final);
      if (q === 'more') {
        if (buf.length - pos > MAX_RECORD_CHARS) this.unterminated(buf);
        else break;
      } else if (q === 'unterminated' || q.next - pos > MAX_RECORD_CHARS) {
        this.unterminated(buf);
      } else {
        if (q.stray) this.strayQuote();
        this.emit(out, this.line, q.cells);
        this.line += 1 + q.breaks;
        pos = q.next;
      }
    }
    this.buf = buf.slice(pos);
    this.literalUntil = Math.max(0, this.literalUntil - pos);
  }

  private unterminated(buf: string): void {
    this.notes.push(
      finding(
        'ROW-UNTERMINATED-QUOTE',
        'fatal',
        `A quote (") opened on line ${this.line} is never closed; it was read as an ordinary character so the lines after it could still be checked.`,
        'Remove the stray quote mark from that line, or close it; then save the file again.',
        this.line,
      ),
    );
    this.literalUntil = buf.length;
  }

  private tooLong(): void {
    this.notes.push(
      finding(
        'ROW-TOO-LONG',
        'fatal',
        `Line ${this.line} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters; it was skipped.`,
        'Check that the file has one record per line and was exported as text, not as a document.',
        this.line,
      ),
    );
    this.skipping = true;
  }

  private strayQuote(): void {
    this.notes.push(
      finding(
        'ROW-STRAY-QUOTE',
        'warning',
        `Line ${this.line} has text right after a closing quote; the text was kept as part of the cell.`,
        'Put quotes only around whole cells, and double any quote inside a quoted cell ("").',
        this.line,
      ),
    );
  }

  // Parses one record that contains a quote, starting at `start`. Quotes count only at the start of a
  // cell (as Excel writes them); a quote inside an unquoted cell is an ordinary character.
  private quoted(buf: string, start: number, final: boolean): Quoted {
    const d = this.delimiter;
    const cells: string[] = [];
    let i = start;
    let breaks = 0;
    let stray = false;
    for (;;) {
      let field = '';
      const wasQuoted = buf.charCodeAt(i) === 34;
      if (wasQuoted) {
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q === -1) return final ? 'unterminated' : 'more';
          field += buf.slice(i, q);
          if (q + 1 === buf.length && !final) return 'more';
          if (buf.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        breaks += countBreaks(field);
        if (field.indexOf('\r') !== -1) field = field.replace(/\r\n?/g, '\n');
      }
      let j = i;
      while (j < buf.length) {
        const c = buf[j];
        if (c === d || c === '\n' || c === '\r') break;
        j++;
      }
      if (j === buf.length && !final) return 'more';
      if (j > i) {
        if (wasQuoted) stray = true;
        field += buf.slice(i, j);
      }
      cells.push(field);
      if (j < buf.length && buf[j] === d) {
        i = j + 1;
        continue;
      }
      if (j === buf.length - 1 && buf.charCodeAt(j) === 13 && !final) return 'more';
      const next = j >= buf.length ? j : j + (buf[j] === '\r' && buf[j + 1] === '\n' ? 2 : 1);
      return { cells, next, breaks, stray };
    }
  }
}

// Physical line breaks inside a quoted cell, so the following record's line number stays right.
function countBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  for (let i = s.indexOf('\r'); i !== -1; i = s.indexOf('\r', i + 1)) if (s[i + 1] !== '\n') n++;
  return n;
}

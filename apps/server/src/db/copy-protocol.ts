/**
 * Bulk COPY through Kysely on both databases. Kysely has no COPY (kysely#1509), so a COPY statement
 * carries a marker comment naming a registered data source; each driver's connection recognises the
 * marker and streams the source its own way (pg: COPY FROM STDIN; PGlite: chunked COPY FROM '/dev/blob').
 * Because the statement runs through Kysely, it joins whatever transaction the caller is in.
 */

/** CSV text chunks to copy, produced lazily so large loads never sit in memory whole. */
export type CopySource = AsyncIterable<string> | Iterable<string>;

const sources = new Map<string, CopySource>();
let counter = 0;
const MARKER = /^\/\*bitterroot-copy:(\d+)\*\/ /;

/** Registers a source and returns the marker to prefix the COPY statement with. */
export function registerCopySource(source: CopySource): { marker: string; release: () => void } {
  const token = String(++counter);
  sources.set(token, source);
  return { marker: `/*bitterroot-copy:${token}*/ `, release: () => sources.delete(token) };
}

/** If `sql` is a marked COPY, returns its source and the bare statement. */
export function takeCopySource(sql: string): { source: CopySource; statement: string } | null {
  const m = MARKER.exec(sql);
  if (!m) return null;
  const source = sources.get(m[1]!);
  if (!source) throw new Error('COPY source already consumed or never registered');
  sources.delete(m[1]!);
  return { source, statement: sql.slice(m[0].length) };
}

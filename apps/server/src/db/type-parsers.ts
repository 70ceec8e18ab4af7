/**
 * Identical result parsing on PostgreSQL (pg) and PGlite (STACK.md §3.1): the two drivers disagree on
 * dates (local vs UTC midnight), int8 (string vs number/BigInt) and timestamps, which would break
 * "same code on both databases". Every value that crosses the data layer is parsed here.
 */

/** PostgreSQL type OIDs we parse ourselves. */
export const OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamptz: 1184,
  timestamp: 1114,
} as const;

/** int8 (counts, bigint ids) → JS number; out-of-range values are an error, never silently rounded. */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} exceeds the safe integer range`);
  return n;
}

/** date → `YYYY-MM-DD` exactly as stored: a birth date never shifts with the server's time zone. */
export function parseDate(text: string): string {
  return text;
}

/** numeric → decimal string, so money and FTE keep every digit. */
export function parseNumeric(text: string): string {
  return text;
}

/** timestamptz → ISO-8601 UTC string (the same on both drivers, JSON-ready). */
export function parseTimestamptz(text: string): string {
  const iso = text.includes('T') ? text : text.replace(' ', 'T');
  // PostgreSQL prints "+00" offsets; JS wants "+00:00".
  const normalised = /[+-]\d{2}$/.test(iso) ? `${iso}:00` : iso;
  return new Date(normalised).toISOString();
}

/** The parser table keyed by OID, shared by both drivers. */
export const typeParsers: Record<number, (text: string) => unknown> = {
  [OID.int8]: parseInt8,
  [OID.numeric]: parseNumeric,
  [OID.date]: parseDate,
  [OID.timestamptz]: parseTimestamptz,
  [OID.timestamp]: (text: string) => text,
};

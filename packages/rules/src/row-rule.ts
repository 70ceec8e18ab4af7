/** The shape of a pure row rule: a catalogue id and a check that names the problem or returns null. */

/** A pure check of one record; `params` are the rule's profile parameters and run facts (dates). */
export type RowRule<Row, Params = Record<string, never>> = {
  id: string;
  check: (row: Row, params: Params) => string | null;
};

/** True when a value is missing (null, undefined or blank text). */
export function blank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Formats a count with thousands separators ("1,234"); null shows as an em dash. */
export function formatCount(value: number | null): string {
  return value === null ? '—' : integer.format(value);
}

/** "1 district" / "397 districts". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

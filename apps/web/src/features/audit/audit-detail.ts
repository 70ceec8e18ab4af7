/**
 * An event's detail object in one line for the table ("grant: district-steward 0001; rows: 12"): nested values
 * as compact JSON. The export carries the full JSON.
 */
export function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

import type { FundingSettings } from './settings.ts';

/** An hours band's weight and the words that explain it. */
export type HoursBand = { weight: number; label: string };

/**
 * ANB weight of a program's aggregate hours (MCA 20-9-311(4)(a)–(b); montana-facts.md §3.3; montana-aim.md §8.2):
 * fewer than 180 → 0, 180–359 → 0.25, 360–539 → 0.5, 540–719 → 0.75, 720 or more → 1.0.
 * The 0.25 band's lower edge is a setting because the 2005 text said 181 (decision 0035).
 */
export function hoursBand(hours: number, settings: Pick<FundingSettings, 'quarterBandMinHours'>): HoursBand {
  const low = settings.quarterBandMinHours;
  if (hours >= 720) return { weight: 1, label: '720 or more aggregate hours' };
  if (hours >= 540) return { weight: 0.75, label: '540–719 aggregate hours' };
  if (hours >= 360) return { weight: 0.5, label: '360–539 aggregate hours' };
  if (hours >= low) return { weight: 0.25, label: `${low}–359 aggregate hours` };
  return { weight: 0, label: `fewer than ${low} aggregate hours` };
}

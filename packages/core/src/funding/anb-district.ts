import type { FundingSettings } from './settings.ts';

/** Rounds half away from zero to `decimals` places, working on the decimal text so 164.145 stays 164.15. */
export function roundTo(value: number, decimals: number): number {
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return Math.sign(value) * Number(`${Math.round(shifted)}e-${decimals}`);
}

/** A budget unit's ANB from its two counts, with every step kept for the explanation. */
export type DistrictAnb = {
  fall: number;
  spring: number;
  averageEnrollment: number;
  pirDaysRequested: number;
  pirDaysUsed: number;
  multiplier: number;
  /** Full precision. */
  anb: number;
  /** Rounded to `anbDecimals` (decision 0037). */
  anbRounded: number;
  explanation: string[];
};

/**
 * ANB = (fall count + spring count) ÷ 2 × (180 + approved PIR days) ÷ 180, at most 7 PIR days
 * (MCA 20-9-311(1)–(2); montana-facts.md §3.1; montana-aim.md §8.3). Counts of one year fund the next.
 */
export function districtAnb(
  input: { fall: number; spring: number; pirDays: number },
  settings: Pick<FundingSettings, 'maxPirDays' | 'anbDecimals'>,
): DistrictAnb {
  const averageEnrollment = (input.fall + input.spring) / 2;
  const pirDaysUsed = Math.max(0, Math.min(input.pirDays, settings.maxPirDays));
  const multiplier = (180 + pirDaysUsed) / 180;
  const anb = averageEnrollment * multiplier;
  const anbRounded = roundTo(anb, settings.anbDecimals);
  const explanation = [
    `average enrollment (${input.fall} + ${input.spring}) / 2 = ${averageEnrollment}`,
    pirDaysUsed < input.pirDays
      ? `PIR days ${input.pirDays} limited to ${settings.maxPirDays} (20-9-311(2))`
      : `PIR days ${pirDaysUsed}`,
    `ANB ${averageEnrollment} × ${180 + pirDaysUsed}/180 = ${anbRounded}`,
  ];
  return {
    ...input,
    averageEnrollment,
    pirDaysRequested: input.pirDays,
    pirDaysUsed,
    multiplier,
    anb,
    anbRounded,
    explanation,
  };
}

/** The ANB a budget unit budgets on, and which branch chose it (ARM 10.20.105 needs to know). */
export type BudgetedAnb = {
  current: number;
  threeYearAverage: number | null;
  budgeted: number;
  branch: 'current' | 'three-year-average';
  explanation: string;
};

/**
 * Budgeted ANB: the current ANB or, under 3-year averaging, the greater of it and the average of it and the
 * two prior years' ANB (MCA 20-9-311 caption; ARM 10.20.105; montana-facts.md §3.6; montana-aim-gaps-2.md §5.2).
 * "Greater of" and the rounding are unverified, hence settings (decision 0037). `history` is newest first.
 */
export function budgetedAnb(
  history: readonly [number, number, number] | readonly [number],
  settings: Pick<FundingSettings, 'threeYearAveraging' | 'anbDecimals' | 'roundBeforeAveraging'>,
): BudgetedAnb {
  const d = settings.anbDecimals;
  const years = history.map((v) => (settings.roundBeforeAveraging ? roundTo(v, d) : v));
  const current = roundTo(years[0] ?? 0, d);
  if (settings.threeYearAveraging === 'current-only' || years.length < 3) {
    const why = years.length < 3 ? 'fewer than three years of ANB' : '3-year averaging off';
    return {
      current,
      threeYearAverage: null,
      budgeted: current,
      branch: 'current',
      explanation: `current ANB ${current} (${why})`,
    };
  }
  const threeYearAverage = roundTo(years.reduce((a, b) => a + b, 0) / 3, d);
  if (threeYearAverage > current) {
    const explanation = `3-year average ${threeYearAverage} exceeds current ANB ${current}`;
    return {
      current,
      threeYearAverage,
      budgeted: threeYearAverage,
      branch: 'three-year-average',
      explanation,
    };
  }
  const explanation = `current ANB ${current} is at least the 3-year average ${threeYearAverage}`;
  return { current, threeYearAverage, budgeted: current, branch: 'current', explanation };
}

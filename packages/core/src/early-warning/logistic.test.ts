// The reference check of early-warning.md §2: R's glm on the UCLA admissions data, to 6 decimals. The data and
// the published values live in the shared data folder beside the repository (../shared/data from the root).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitLogistic, predictProbability } from './logistic.ts';
import type { LogisticData, LogisticFit, LogisticOutcome } from './logistic-types.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dataDir = resolve(repoRoot, '../shared/data');

type ReferenceModel = {
  coefficients_full_precision: Record<string, number>;
  std_errors: Record<string, number>;
  residual_deviance: number;
  null_deviance?: number;
  aic: number;
  log_likelihood_stata?: number;
};
type Reference = {
  models: {
    logit_rank_as_factor: ReferenceModel & {
      predicted_admit_prob_at_mean_gre_gpa_by_rank: Record<string, number>;
    };
    logit_rank_numeric: ReferenceModel;
    logit_rank_as_factor_ridge_L2: { lambda_1: Record<string, number>; lambda_10: Record<string, number> };
  };
};

const reference = JSON.parse(
  readFileSync(resolve(dataDir, 'ucla_admissions_reference_fit.json'), 'utf8'),
) as Reference;

type Applicant = { admit: number; gre: number; gpa: number; rank: number };
const applicants: Applicant[] = readFileSync(resolve(dataDir, 'ucla_binary_admissions.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [admit, gre, gpa, rank] = line.split(',').map(Number);
    return { admit: admit!, gre: gre!, gpa: gpa!, rank: rank! };
  });

// The reference JSON's formula: factor(rank) with rank 1 as the reference level.
const factorData: LogisticData = {
  names: ['gre', 'gpa', 'rank2', 'rank3', 'rank4'],
  rows: applicants.map((a) => [a.gre, a.gpa, +(a.rank === 2), +(a.rank === 3), +(a.rank === 4)]),
  outcomes: applicants.map((a) => a.admit),
};
const numericData: LogisticData = {
  names: ['gre', 'gpa', 'rank'],
  rows: applicants.map((a) => [a.gre, a.gpa, a.rank]),
  outcomes: applicants.map((a) => a.admit),
};

function fitted(outcome: LogisticOutcome): LogisticFit {
  if (outcome.kind !== 'fitted') throw new Error(`expected a fit, got ${outcome.kind}`);
  return outcome;
}

function byName(fit: LogisticFit, values: Float64Array): Record<string, number> {
  return Object.fromEntries(fit.names.map((n, j) => [n, values[j]!]));
}

// Suggested tolerances of early-warning.md §2.4: 1e-6 on coefficients and SEs, 1e-3 on deviance.
function expectClose(
  actual: Record<string, number>,
  expected: Record<string, number>,
  tolerance: number,
): void {
  for (const [name, value] of Object.entries(expected)) {
    expect(Math.abs(actual[name]! - value), name).toBeLessThanOrEqual(tolerance);
  }
}

describe('UCLA admissions, rank as a factor (early-warning.md §2.2)', () => {
  const model = reference.models.logit_rank_as_factor;
  const fit = fitted(fitLogistic(factorData));

  it('reproduces the full-precision coefficients', () => {
    expectClose(byName(fit, fit.coefficients), model.coefficients_full_precision, 1e-6);
  });

  it('reproduces the published standard errors to 6 decimals', () => {
    expectClose(byName(fit, fit.standardErrors), model.std_errors, 5e-7);
  });

  it('reproduces deviances, AIC and log-likelihood', () => {
    expect(Math.abs(fit.deviance - model.residual_deviance)).toBeLessThan(5e-3);
    expect(Math.abs(fit.nullDeviance - model.null_deviance!)).toBeLessThan(5e-3);
    expect(Math.abs(fit.aic - model.aic)).toBeLessThan(5e-3);
    expect(fit.logLikelihood).toBeCloseTo(model.log_likelihood_stata!, 5);
  });

  it('converges in a handful of Newton steps with nothing at the boundary', () => {
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThanOrEqual(6);
    expect(fit.boundaryRows).toBe(0);
    expect(fit.penalised).toBe(false);
  });

  it('reproduces the predicted probabilities at mean gre and gpa', () => {
    const gre = applicants.reduce((s, a) => s + a.gre, 0) / applicants.length;
    const gpa = applicants.reduce((s, a) => s + a.gpa, 0) / applicants.length;
    const expected = model.predicted_admit_prob_at_mean_gre_gpa_by_rank;
    for (const rank of [1, 2, 3, 4]) {
      const row = [gre, gpa, +(rank === 2), +(rank === 3), +(rank === 4)];
      // 1e-7: the suggested tolerance (§2.4); R prints 0.2186120 as 0.218612.
      const p = predictProbability(fit.coefficients, row);
      expect(Math.abs(p - expected[`rank${rank}`]!)).toBeLessThanOrEqual(1e-7);
    }
  });
});

describe('UCLA admissions, rank as a number (early-warning.md §2.3)', () => {
  const model = reference.models.logit_rank_numeric;
  const fit = fitted(fitLogistic(numericData));

  it('reproduces coefficients, standard errors, deviance and AIC', () => {
    expectClose(byName(fit, fit.coefficients), model.coefficients_full_precision, 1e-6);
    expectClose(byName(fit, fit.standardErrors), model.std_errors, 5e-7);
    expect(Math.abs(fit.deviance - model.residual_deviance)).toBeLessThan(5e-3);
    expect(Math.abs(fit.aic - model.aic)).toBeLessThan(5e-3);
  });
});

describe('UCLA admissions with a ridge penalty (computed references, early-warning.md §2.4)', () => {
  const ridge = reference.models.logit_rank_as_factor_ridge_L2;

  it('matches the λ = 1 reference and flags its SEs as penalised', () => {
    const fit = fitted(fitLogistic(factorData, { l2: 1 }));
    expectClose(byName(fit, fit.coefficients), ridge.lambda_1, 1e-6);
    expect(fit.penalised).toBe(true);
  });

  it('matches the λ = 10 reference to its printed precision', () => {
    const fit = fitted(fitLogistic(factorData, { l2: 10 }));
    expectClose(byName(fit, fit.coefficients), ridge.lambda_10, 5e-5);
  });
});

// Separation, ill-conditioning, ridge shrinkage and convergence on small hand-made data sets.
import { describe, expect, it } from 'vitest';
import { choleskyInverse, choleskySolve, isFullRank, pivotedCholesky } from './linear-algebra.ts';
import { fitLogistic } from './logistic.ts';
import type { LogisticData, LogisticFit, LogisticOutcome } from './logistic-types.ts';

function fitted(outcome: LogisticOutcome): LogisticFit {
  if (outcome.kind !== 'fitted') throw new Error(`expected a fit, got ${outcome.kind}`);
  return outcome;
}

// A noisy but learnable toy set: attendance-like x1, behavior-like x2 (deterministic pseudo-noise).
function toy(n = 200): LogisticData {
  const rows: number[][] = [];
  const outcomes: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = Math.sin(i * 1.7) * 2;
    const x2 = Math.cos(i * 0.37) * 1.5;
    const u = (Math.sin(i * 12.9898) * 43758.5453) % 1;
    rows.push([x1, x2]);
    outcomes.push(Math.abs(u) < 1 / (1 + Math.exp(-(0.5 + 1.2 * x1 - 0.8 * x2))) ? 1 : 0);
  }
  return { names: ['x1', 'x2'], rows, outcomes };
}

describe('pivoted Cholesky', () => {
  const a = Float64Array.from([4, 2, 0.4, 2, 10, 3, 0.4, 3, 9]);

  it('solves and inverts a small SPD matrix', () => {
    const chol = pivotedCholesky(a, 3);
    expect(isFullRank(chol)).toBe(true);
    const x = choleskySolve(chol, [1, 2, 3]);
    const back = [0, 1, 2].map((i) => a[i * 3]! * x[0]! + a[i * 3 + 1]! * x[1]! + a[i * 3 + 2]! * x[2]!);
    back.forEach((v, i) => expect(v).toBeCloseTo(i + 1, 12));
    const inv = choleskyInverse(chol);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('names the dependent column of a singular matrix and does not depend on units', () => {
    // Column 2 = 1000 × column 0: singular whatever the scale.
    const b = Float64Array.from([1, 0.5, 1000, 0.5, 2, 500, 1000, 500, 1e6]);
    const chol = pivotedCholesky(b, 3);
    expect(chol.rank).toBe(2);
    expect(chol.dependent).toHaveLength(1);
    expect([0, 2]).toContain(chol.dependent[0]);
  });
});

describe('separation (early-warning.md §3, note 5)', () => {
  it('reports complete separation with the diverging coefficient', () => {
    const data = { names: ['x'], rows: [[1], [2], [3], [4], [5], [6]], outcomes: [0, 0, 0, 1, 1, 1] };
    const outcome = fitLogistic(data);
    expect(outcome.kind).toBe('separation');
    if (outcome.kind !== 'separation') return;
    expect(outcome.separation).toBe('complete');
    expect(outcome.diverging).toContain('x');
    expect(outcome.boundaryRows).toBeGreaterThan(0);
  });

  it('reports quasi-complete separation when one category has a single outcome', () => {
    const base = toy();
    // Five students in a rare category, none with the outcome: its dummy runs off to −∞.
    const rows = base.rows.map((r, i) => [...r, i < 5 ? 1 : 0]);
    const outcomes = base.outcomes.map((y, i) => (i < 5 ? 0 : y));
    const outcome = fitLogistic({ names: ['x1', 'x2', 'rare'], rows, outcomes });
    expect(outcome.kind).toBe('separation');
    if (outcome.kind !== 'separation') return;
    expect(outcome.separation).toBe('quasi-complete');
    expect(outcome.diverging).toContain('rare');
    expect(outcome.lastIterate.coefficients[3]).toBeLessThan(-10);
  });

  it('a ridge penalty turns the separated data into a finite fit', () => {
    const data = { names: ['x'], rows: [[1], [2], [3], [4], [5], [6]], outcomes: [0, 0, 0, 1, 1, 1] };
    const fit = fitted(fitLogistic(data, { l2: 0.1 }));
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[1]).toBeGreaterThan(0);
    expect(Number.isFinite(fit.coefficients[1]!)).toBe(true);
  });

  it('does not flag a well-behaved fit', () => {
    const fit = fitted(fitLogistic(toy()));
    expect(fit.boundaryRows).toBe(0);
    expect(fit.coefficients[1]).toBeGreaterThan(0);
    expect(fit.coefficients[2]).toBeLessThan(0);
  });
});

describe('ill-conditioning', () => {
  const base = toy();

  it('reports a duplicated column as dependent', () => {
    const outcome = fitLogistic({
      names: ['x1', 'x2', 'x1copy'],
      rows: base.rows.map((r) => [...r, r[0]!]),
      outcomes: base.outcomes,
    });
    expect(outcome.kind).toBe('ill-conditioned');
    if (outcome.kind !== 'ill-conditioned') return;
    expect(outcome.dependent).toHaveLength(1);
    expect(['x1', 'x1copy']).toContain(outcome.dependent[0]);
    expect(outcome.iterations).toBe(0);
  });

  it('reports a near-duplicate (rescaled plus 1e-9 noise) column', () => {
    const rows = base.rows.map((r, i) => [...r, 100 * r[1]! + 1e-9 * Math.sin(i)]);
    expect(fitLogistic({ names: ['x1', 'x2', 'x2cents'], rows, outcomes: base.outcomes }).kind).toBe(
      'ill-conditioned',
    );
  });

  it('reports a constant column (collinear with the intercept)', () => {
    const rows = base.rows.map((r) => [...r, 7]);
    const outcome = fitLogistic({ names: ['x1', 'x2', 'grade'], rows, outcomes: base.outcomes });
    expect(outcome.kind).toBe('ill-conditioned');
    if (outcome.kind !== 'ill-conditioned') return;
    expect(['(Intercept)', 'grade']).toContain(outcome.dependent[0]);
  });

  it('a ridge penalty makes duplicated columns estimable, sharing the effect equally', () => {
    const rows = base.rows.map((r) => [...r, r[0]!]);
    const fit = fitted(
      fitLogistic({ names: ['x1', 'x2', 'x1copy'], rows, outcomes: base.outcomes }, { l2: 1 }),
    );
    expect(fit.coefficients[1]).toBeCloseTo(fit.coefficients[3]!, 8);
  });
});

describe('ridge shrinkage', () => {
  it('shrinks the slopes monotonically as λ grows, never the intercept towards 0', () => {
    const norms = [0, 1, 10, 100, 1000].map((l2) => {
      const fit = fitted(fitLogistic(toy(), { l2 }));
      return fit.coefficients[1]! ** 2 + fit.coefficients[2]! ** 2;
    });
    for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeLessThan(norms[k - 1]!);
    // With huge λ the slopes vanish and the intercept becomes the logit of the base rate.
    const data = toy();
    const fit = fitted(fitLogistic(data, { l2: 1e9 }));
    const rate = data.outcomes.reduce((s, y) => s + y, 0) / data.outcomes.length;
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(rate / (1 - rate)), 5);
  });

  it('rejects a negative λ', () => {
    expect(fitLogistic(toy(), { l2: -1 }).kind).toBe('invalid-input');
  });
});

describe('convergence', () => {
  it('stops at maxIterations and says it did not converge', () => {
    const fit = fitted(fitLogistic(toy(), { maxIterations: 2 }));
    expect(fit.iterations).toBe(2);
    expect(fit.converged).toBe(false);
  });

  it('converges quadratically: a tighter tolerance costs at most one or two steps', () => {
    const loose = fitted(fitLogistic(toy(), { tolerance: 1e-6 }));
    const tight = fitted(fitLogistic(toy(), { tolerance: 1e-14 }));
    expect(loose.converged && tight.converged).toBe(true);
    expect(tight.iterations - loose.iterations).toBeLessThanOrEqual(2);
    expect(tight.coefficients[1]).toBeCloseTo(loose.coefficients[1]!, 4);
  });

  it('never lets the deviance exceed the null deviance', () => {
    const fit = fitted(fitLogistic(toy()));
    expect(fit.deviance).toBeLessThan(fit.nullDeviance);
  });
});

describe('invalid input', () => {
  const cases: [string, LogisticData][] = [
    ['no rows', { names: ['x'], rows: [], outcomes: [] }],
    ['outcome not 0/1', { names: ['x'], rows: [[1], [2]], outcomes: [0, 2] }],
    ['ragged row', { names: ['x', 'z'], rows: [[1, 2], [2]], outcomes: [0, 1] }],
    ['non-finite value', { names: ['x'], rows: [[1], [Number.NaN]], outcomes: [0, 1] }],
    ['length mismatch', { names: ['x'], rows: [[1], [2]], outcomes: [0] }],
  ];
  it.each(cases)('%s', (_, data) => {
    expect(fitLogistic(data).kind).toBe('invalid-input');
  });
});

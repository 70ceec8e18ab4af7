// Small dense symmetric positive (semi-)definite algebra for the IRLS normal equations (p ≈ 5–30). Hand-written
// instead of ml-matrix (early-warning.md §3): ml-matrix throws on float-asymmetric input, and a pivoted factor
// tells us *which* columns are dependent, which a plain Cholesky cannot.
//
// The matrix is equilibrated first (D^-1/2 A D^-1/2, unit diagonal), so the condition estimate does not depend
// on the units of the predictors: GRE points and GPA give the same answer as standardised columns.

/** A pivoted Cholesky factor of an equilibrated symmetric matrix: P'·S·A·S·P = L·L' on the leading `rank` block. */
export type PivotedCholesky = {
  readonly size: number;
  /** Row-major lower-triangular factor, size × size; only the first `rank` columns are meaningful. */
  readonly factor: Float64Array;
  /** pivot[k] = original column index placed at position k. */
  readonly pivot: Int32Array;
  /** Equilibration: S = diag(scale), scale[i] = 1/sqrt(A[i][i]). */
  readonly scale: Float64Array;
  /** Columns whose pivots stayed above the tolerance. */
  readonly rank: number;
  /** Estimated 2-norm condition number of the equilibrated matrix: largest pivot / smallest kept pivot. */
  readonly condition: number;
  /** Original indices of the columns found (numerically) dependent on the others, in pivot order. */
  readonly dependent: readonly number[];
};

// A pivot this small relative to the largest (unit diagonal) is rounding noise, not information.
const DEFAULT_MAX_CONDITION = 1e12;

/**
 * Factors a symmetric row-major `size × size` matrix with diagonal pivoting. Stops at the first pivot below
 * largest/maxCondition: the remaining columns are reported as dependent instead of producing Inf/NaN.
 */
export function pivotedCholesky(
  a: Float64Array,
  size: number,
  maxCondition: number = DEFAULT_MAX_CONDITION,
): PivotedCholesky {
  const scale = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const d = a[i * size + i]!;
    scale[i] = d > 0 && Number.isFinite(d) ? 1 / Math.sqrt(d) : 0;
  }
  // Work on a scaled copy in pivoted order; w[i*size+j] holds element (pivot[i], pivot[j]).
  const w = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) w[i * size + j] = a[i * size + j]! * scale[i]! * scale[j]!;
  }
  const pivot = Int32Array.from({ length: size }, (_, i) => i);
  const factor = new Float64Array(size * size);
  let first = 0;
  let rank = 0;
  let smallest = Infinity;
  let rejected = NaN;
  for (let k = 0; k < size; k++) {
    let best = k;
    for (let i = k + 1; i < size; i++) if (w[i * size + i]! > w[best * size + best]!) best = i;
    const d = w[best * size + best]!;
    if (k === 0) first = d;
    if (!(d > 0) || first / d > maxCondition) {
      rejected = d;
      break;
    }
    if (best !== k) swapSymmetric(w, factor, pivot, size, k, best);
    const lkk = Math.sqrt(d);
    factor[k * size + k] = lkk;
    for (let i = k + 1; i < size; i++) factor[i * size + k] = w[i * size + k]! / lkk;
    // Schur complement update of the trailing block (lower triangle is enough, mirror for the pivot search).
    for (let i = k + 1; i < size; i++) {
      const lik = factor[i * size + k]!;
      for (let j = k + 1; j <= i; j++) {
        const v = w[i * size + j]! - lik * factor[j * size + k]!;
        w[i * size + j] = v;
        w[j * size + i] = v;
      }
    }
    rank = k + 1;
    smallest = d;
  }
  const dependent = Array.from(pivot.subarray(rank));
  // A rejected pivot still gives a finite estimate (how close to singular), unless it is exactly zero.
  const condition = rank === size ? first / smallest : rejected > 0 ? first / rejected : Infinity;
  return { size, factor, pivot, scale, rank, condition, dependent };
}

function swapSymmetric(
  w: Float64Array,
  factor: Float64Array,
  pivot: Int32Array,
  n: number,
  i: number,
  j: number,
): void {
  for (let c = 0; c < n; c++) swap(w, i * n + c, j * n + c);
  for (let r = 0; r < n; r++) swap(w, r * n + i, r * n + j);
  // Already computed columns of L move with their rows.
  for (let c = 0; c < i; c++) swap(factor, i * n + c, j * n + c);
  const t = pivot[i]!;
  pivot[i] = pivot[j]!;
  pivot[j] = t;
}

function swap(v: Float64Array, i: number, j: number): void {
  const t = v[i]!;
  v[i] = v[j]!;
  v[j] = t;
}

/** True when the factor covers every column, so solve and inverse are defined. */
export function isFullRank(chol: PivotedCholesky): boolean {
  return chol.rank === chol.size;
}

/** Solves A·x = b with a full-rank factor of A (callers check `isFullRank` first). */
export function choleskySolve(chol: PivotedCholesky, b: ArrayLike<number>): Float64Array {
  const { size: n, factor: l, pivot, scale } = chol;
  // A = S^-1 P L L' P' S^-1  ⇒  x = S P (L')^-1 L^-1 P' S b
  const z = new Float64Array(n);
  for (let k = 0; k < n; k++) z[k] = b[pivot[k]!]! * scale[pivot[k]!]!;
  for (let i = 0; i < n; i++) {
    let s = z[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * z[k]!;
    z[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * z[k]!;
    z[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) x[pivot[k]!] = z[k]! * scale[pivot[k]!]!;
  return x;
}

/** The inverse of A (row-major) from a full-rank factor: one solve per unit vector, fine for p ≤ ~50. */
export function choleskyInverse(chol: PivotedCholesky): Float64Array {
  const n = chol.size;
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(chol, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}

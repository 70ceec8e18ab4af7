// Training one grade's model into a frozen artifact (early-warning.md §3 note 8, §4.1): fit on the training
// cohorts, choose the band thresholds and evaluate on the newest (out-of-time) cohort, keep everything a model
// card needs. Pure: the rows come from the server's repository. Decisions 0056–0058.

import type { BandSettings, BandThresholds, EwsEvaluation, RiskBand } from './evaluation.ts';
import { bandOf, evaluateModel } from './evaluation.ts';
import type { EwsGrade, FeatureVector } from './features.ts';
import type { EwsLabelMapping } from './labels.ts';
import type { EwsModel } from './scoring.ts';
import { fitEwsModel, riskProbability, scoreWithReasons } from './scoring.ts';

/** EWS settings of a profile (profiles/<state>/early-warning.yaml). */
export type EwsSettings = {
  trainingAsOf: string;
  horizonYears: number;
  /** Per-grade outcome windows where the default does not fit (grade 6: no dropouts counted in grade 6). */
  horizonYearsByGrade?: Readonly<Record<string, number>>;
  labels: EwsLabelMapping;
  bands: BandSettings;
  l2: number;
  reasons: number;
  minimumGroupSize: number;
};

/** The outcome window of a grade's training rows, in school years. */
export function horizonFor(settings: EwsSettings, grade: EwsGrade): number {
  return settings.horizonYearsByGrade?.[String(grade)] ?? settings.horizonYears;
}

/** One labelled row: features as of the training date, the outcome and the audit-only group labels. */
export type TrainingRow = { features: FeatureVector; label: 0 | 1; groups: Record<string, string> };

/** The frozen artifact stored per grade and version; everything needed to score and to explain the model. */
export type EwsArtifact = {
  grade: EwsGrade;
  model: EwsModel;
  standardErrors: number[];
  thresholds: BandThresholds;
  settings: EwsSettings;
  training: { years: number[]; rows: number; dropouts: number };
  test: { year: number; rows: number; dropouts: number };
  fit: { iterations: number; converged: boolean; deviance: number; nullDeviance: number; aic: number };
  evaluation: EwsEvaluation;
};

/** A trained artifact, or why the grade could not be trained. */
export type TrainingOutcome =
  { kind: 'trained'; artifact: EwsArtifact } | { kind: 'not-trained'; grade: EwsGrade; reason: string };

/** Rows needed per class before a fit is attempted: fewer gives meaningless coefficients. */
export const MIN_ROWS_PER_CLASS = 5;

/** Trains and evaluates one grade's model on `train`, tested out of time on `test`. */
export function trainGradeModel(
  grade: EwsGrade,
  train: readonly TrainingRow[],
  test: readonly TrainingRow[],
  cohorts: { trainYears: number[]; testYear: number },
  settings: EwsSettings,
): TrainingOutcome {
  const dropouts = train.filter((r) => r.label === 1).length;
  if (dropouts < MIN_ROWS_PER_CLASS || train.length - dropouts < MIN_ROWS_PER_CLASS)
    return { kind: 'not-trained', grade, reason: `${dropouts} dropouts in ${train.length} training rows` };
  const fitted = fitEwsModel(
    grade,
    train.map((r) => r.features),
    train.map((r) => r.label),
    { l2: settings.l2 },
  );
  if (fitted.kind !== 'model') return { kind: 'not-trained', grade, reason: describeFailure(fitted) };
  const evaluation = evaluateRows(fitted.model, test, settings);
  const f = fitted.fit;
  return {
    kind: 'trained',
    artifact: {
      grade,
      model: fitted.model,
      standardErrors: Array.from(f.standardErrors),
      thresholds: evaluation.thresholds,
      settings,
      training: { years: cohorts.trainYears, rows: train.length, dropouts },
      test: { year: cohorts.testYear, rows: test.length, dropouts: evaluation.dropouts },
      fit: {
        iterations: f.iterations,
        converged: f.converged,
        deviance: f.deviance,
        nullDeviance: f.nullDeviance,
        aic: f.aic,
      },
      evaluation,
    },
  };
}

/** Evaluates a model on labelled rows; given thresholds are kept (comparing a stored model on new rows). */
export function evaluateRows(
  model: EwsModel,
  rows: readonly TrainingRow[],
  settings: EwsSettings,
  thresholds?: BandThresholds,
): EwsEvaluation {
  const p = rows.map((r) => riskProbability(model, r.features));
  const attributes = [...new Set(rows.flatMap((r) => Object.keys(r.groups)))].sort();
  const groups = Object.fromEntries(attributes.map((a) => [a, rows.map((r) => r.groups[a] ?? 'unknown')]));
  return evaluateModel(
    p,
    rows.map((r) => r.label),
    rows.map((r) => r.features),
    groups,
    settings.bands,
    settings.minimumGroupSize,
    thresholds ? { ...thresholds } : undefined,
  );
}

/** A scored student for a report: probability, band and the plain-language reasons. */
export type BandedScore = { probability: number; band: RiskBand; reasons: string[] };

/** Scores one student with a stored artifact. */
export function scoreWithArtifact(artifact: EwsArtifact, features: FeatureVector): BandedScore {
  const s = scoreWithReasons(artifact.model, features, artifact.settings.reasons);
  return { probability: s.probability, band: bandOf(s.probability, artifact.thresholds), reasons: s.reasons };
}

function describeFailure(outcome: { kind: string } & Record<string, unknown>): string {
  if (outcome.kind === 'separation')
    return `the outcomes are separated by ${String((outcome.diverging as string[]).join(', ') || 'the data')}`;
  if (outcome.kind === 'ill-conditioned')
    return `features are collinear: ${String((outcome.dependent as string[]).join(', '))}`;
  return String(outcome.message ?? outcome.kind);
}

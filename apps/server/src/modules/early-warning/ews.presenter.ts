/** Model summaries and model cards from stored models, with the limitations written in plain words. */
import type { EwsModelCard, EwsModelSummary } from '@bitterroot/contracts';
import type { EwsArtifact } from '@bitterroot/core';
import type { StoredModel } from './ews-model.repository.ts';

/** The list entry of a model. */
export function modelSummary(m: StoredModel): EwsModelSummary {
  const a = m.artifact;
  return {
    id: m.id,
    grade: m.grade,
    version: m.version,
    status: m.status,
    trainedAt: m.trainedAt,
    promotedAt: m.promotedAt,
    trainingYears: a.training.years,
    testYear: a.test.year,
    trainingRows: a.training.rows,
    auc: a.evaluation.auc?.auc ?? null,
    abcAuc: a.evaluation.abc.auc,
    precisionAtHigh: a.evaluation.atHigh.precision,
    recallAtHigh: a.evaluation.atHigh.recall,
    contentHash: m.contentHash,
  };
}

const ATTRIBUTES: Record<string, string> = {
  raceEthnicity: 'race/ethnicity',
  americanIndian: 'American Indian status',
  el: 'English learner status',
  iep: 'IEP status',
  frl: 'free/reduced lunch',
  gender: 'gender',
  homeless: 'homelessness',
};

const pct = (v: number | null): string => (v === null ? 'not measurable' : `${Math.round(v * 100)}%`);

/** Honest limits of a model, in the words a principal reads (early-warning.md §4, The Markup's lesson). */
export function limitations(a: EwsArtifact): string[] {
  const e = a.evaluation;
  const out = [
    `Of the students this model puts in the high band, about ${pct(e.atHigh.precision)} did drop out in the test year; the others were false alarms. A flag is a reason to look, not a verdict.`,
    `The high band catches about ${pct(e.atHigh.recall)} of the students who dropped out; the rest were not flagged, so students outside the band still need attention.`,
    `Trained on ${a.training.rows} students in school years ${a.training.years.join(', ')} and tested on ${a.test.rows} students of ${a.test.year}, a later year it never saw.`,
    `Scores use only what is known so far this school year (attendance, behavior, course failures, credits, school changes, age for grade). Early in the year there is little data and scores are less certain.`,
    `Race, ethnicity, free or reduced lunch and English learner status are never inputs; they are used only to check whether the model is equally accurate for every group (see the fairness table).`,
    `Outcome: dropping out within ${a.settings.horizonYears} school year${a.settings.horizonYears === 1 ? '' : 's'} of the scoring date, against graduating or staying enrolled; students who moved out of the state are left out of training.`,
  ];
  const gap = [...e.fprGaps].filter((g) => g.gap !== null).sort((x, y) => y.gap! - x.gap!)[0];
  if (gap && gap.gap! > 0.05)
    out.push(
      `False alarms are not equally spread: by ${ATTRIBUTES[gap.attribute] ?? gap.attribute}, ${gap.highest} students have a false-alarm rate ${Math.round(gap.gap! * 100)} percentage points higher than ${gap.lowest} students.`,
    );
  if (e.abc.auc !== null && e.auc !== null && e.auc.auc <= e.abc.auc)
    out.push('On the test year this model is no better than the simple ABC checklist; prefer the checklist.');
  return out;
}

/** The full model card of a stored model. */
export function modelCard(m: StoredModel): EwsModelCard {
  const a = m.artifact;
  const spec = a.model.spec;
  return {
    ...modelSummary(m),
    intercept: a.model.intercept,
    l2: a.model.l2,
    coefficients: spec.names.map((feature, j) => ({
      feature,
      coefficient: a.model.coefficients[j]!,
      standardError: a.standardErrors[j + 1] ?? 0,
      mean: spec.means[j]!,
      sd: spec.sds[j]!,
    })),
    settings: {
      ...a.settings,
      labels: { ...a.settings.labels } as EwsModelCard['settings']['labels'],
    },
    training: a.training,
    test: a.test,
    fit: a.fit,
    evaluation: a.evaluation,
    limitations: limitations(a),
  };
}

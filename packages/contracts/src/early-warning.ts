import { z } from 'zod';

// Request and response schemas of the Early Warning System API (issue 10; decisions 0030–0034, 0056–0059).

const grade = z.number().int().min(6).max(12);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rate = z.number().nullable();

/** Columns of an EWS extract file (`ews-terms-YYYY.tsv`): written by the generator, read by `ews load`. */
export const EWS_TERM_COLUMNS = [
  'school_year',
  'state_id',
  'district_number',
  'school_number',
  'grade_level',
  'term_end',
  'days_enrolled',
  'days_present',
  'behavior_incidents',
  'suspension_days',
  'courses_failed',
  'credits_earned',
  'frl',
  'el',
  'iep',
  'homeless',
] as const;

/** Settings of the profile's early-warning.yaml, stored inside each model. */
export const ewsSettingsSchema = z.object({
  trainingAsOf: z.string().regex(/^\d{2}-\d{2}$/),
  horizonYears: z.number().int().min(1).max(8),
  horizonYearsByGrade: z.record(z.string(), z.number().int().min(1).max(8)).optional(),
  labels: z.object({
    dropout: z.array(z.string()),
    graduate: z.array(z.string()),
    stillEnrolled: z.array(z.string()),
    excluded: z.array(z.string()),
    followed: z.array(z.string()),
  }),
  bands: z.object({
    highSensitivity: z.number().gt(0).lt(1),
    moderateSensitivity: z.number().gt(0).lt(1),
  }),
  l2: z.number().min(0),
  reasons: z.number().int().min(1).max(5),
  minimumGroupSize: z.number().int().min(1),
});
/** Early-warning settings of a profile. */
export type EwsSettingsBody = z.infer<typeof ewsSettingsSchema>;

const ratesSchema = z.object({
  precision: rate,
  recall: rate,
  falsePositiveRate: rate,
  falseNegativeRate: rate,
  specificity: rate,
  flagRate: rate,
  baseRate: rate,
});

/** Out-of-time evaluation of a model, as the model card shows it. */
export const ewsEvaluationSchema = z.object({
  rows: z.number(),
  dropouts: z.number(),
  auc: z.object({ auc: z.number(), lower: z.number(), upper: z.number() }).nullable(),
  brier: z.number().nullable(),
  calibration: z.array(
    z.object({
      bin: z.number(),
      count: z.number(),
      minPredicted: z.number(),
      maxPredicted: z.number(),
      meanPredicted: z.number(),
      observedRate: z.number(),
    }),
  ),
  thresholds: z.object({ moderate: z.number(), high: z.number() }),
  atModerate: ratesSchema,
  atHigh: ratesSchema,
  abc: z.object({ auc: z.number().nullable(), rates: ratesSchema }),
  fairness: z.array(
    z.object({
      attribute: z.string(),
      group: z.string(),
      suppressed: z.boolean(),
      count: z.number(),
      positives: z.number(),
      baseRate: z.number(),
      flagRate: z.number(),
      tpr: rate,
      fpr: rate,
      fnr: rate,
      ppv: rate,
      meanPredicted: z.number(),
      calibrationInTheLarge: z.number(),
      auc: rate,
    }),
  ),
  fprGaps: z.array(
    z.object({
      attribute: z.string(),
      gap: z.number().nullable(),
      highest: z.string().nullable(),
      lowest: z.string().nullable(),
    }),
  ),
});
/** A model's evaluation. */
export type EwsEvaluationBody = z.infer<typeof ewsEvaluationSchema>;

/** One feature's coefficient on the standardised scale with its training mean and SD. */
export const ewsCoefficientSchema = z.object({
  feature: z.string(),
  coefficient: z.number(),
  standardError: z.number(),
  mean: z.number(),
  sd: z.number(),
});

/** A stored model in a list: identity, status, cohorts and headline accuracy. */
export const ewsModelSummarySchema = z.object({
  id: z.number(),
  grade,
  version: z.number(),
  status: z.enum(['candidate', 'current', 'retired']),
  trainedAt: z.string(),
  promotedAt: z.string().nullable(),
  trainingYears: z.array(z.number()),
  testYear: z.number(),
  trainingRows: z.number(),
  auc: z.number().nullable(),
  abcAuc: z.number().nullable(),
  precisionAtHigh: z.number().nullable(),
  recallAtHigh: z.number().nullable(),
  contentHash: z.string(),
});
/** A model in a list. */
export type EwsModelSummary = z.infer<typeof ewsModelSummarySchema>;

/** The model card: the summary, coefficients, settings and full evaluation. */
export const ewsModelCardSchema = ewsModelSummarySchema.extend({
  intercept: z.number(),
  l2: z.number(),
  coefficients: z.array(ewsCoefficientSchema),
  settings: ewsSettingsSchema,
  training: z.object({ years: z.array(z.number()), rows: z.number(), dropouts: z.number() }),
  test: z.object({ year: z.number(), rows: z.number(), dropouts: z.number() }),
  fit: z.object({
    iterations: z.number(),
    converged: z.boolean(),
    deviance: z.number(),
    nullDeviance: z.number(),
    aic: z.number(),
  }),
  evaluation: ewsEvaluationSchema,
  limitations: z.array(z.string()),
});
/** A model card. */
export type EwsModelCard = z.infer<typeof ewsModelCardSchema>;

/** Training request: grades (all 6–12 by default), the training cohorts and the out-of-time test cohort. */
export const ewsTrainRequestSchema = z.object({
  grades: z.array(grade).min(1).optional(),
  trainYears: z.array(z.number().int().min(1990).max(2100)).min(1),
  testYear: z.number().int().min(1990).max(2100),
});
/** Training request. */
export type EwsTrainRequest = z.infer<typeof ewsTrainRequestSchema>;

/** Result of a training request per grade: a new candidate, or why none was trained. */
export const ewsTrainResponseSchema = z.object({
  results: z.array(
    z.object({
      grade,
      model: ewsModelSummarySchema.nullable(),
      reason: z.string().nullable(),
      excluded: z.record(z.string(), z.number()),
    }),
  ),
});
/** Training response. */
export type EwsTrainResponse = z.infer<typeof ewsTrainResponseSchema>;

/** A school year with data for training: enrolled rows in grades 6–12 and terms on record. */
export const ewsCohortsSchema = z.object({
  cohorts: z.array(z.object({ schoolYear: z.number(), students: z.number(), terms: z.number() })),
  closedThrough: z.number(),
});
/** Cohorts available. */
export type EwsCohorts = z.infer<typeof ewsCohortsSchema>;

/** A candidate against the grade's current model on the candidate's test cohort (same rows, own thresholds). */
export const ewsComparisonSchema = z.object({
  candidate: ewsModelSummarySchema,
  current: ewsModelSummarySchema.nullable(),
  candidateOnTest: ewsEvaluationSchema,
  currentOnTest: ewsEvaluationSchema.nullable(),
});
/** Model comparison. */
export type EwsComparison = z.infer<typeof ewsComparisonSchema>;

/** Query of the student list: as-of date (today by default) and an optional school. */
export const ewsStudentsQuerySchema = z.object({
  asOf: isoDate.optional(),
  school: z.string().optional(),
});
/** Student list query. */
export type EwsStudentsQuery = z.infer<typeof ewsStudentsQuerySchema>;

/** One scored student with band and reasons. */
export const ewsStudentSchema = z.object({
  stateId: z.string(),
  name: z.string(),
  schoolNumber: z.string(),
  grade,
  probability: z.number(),
  band: z.enum(['low', 'moderate', 'high']),
  reasons: z.array(z.string()),
  modelVersion: z.number(),
  /** `uploaded`: from the district's EWS data file, not in the system (no state ID; decision 0071). */
  source: z.enum(['live', 'uploaded']),
  /** The district's local ID of an uploaded student; null for students in the system. */
  localId: z.string().nullable(),
});
/** A scored student. */
export type EwsStudent = z.infer<typeof ewsStudentSchema>;

/** Live scores of a district or school. */
export const ewsStudentsResponseSchema = z.object({
  districtNumber: z.string(),
  schoolNumber: z.string().nullable(),
  asOf: z.string(),
  unscoredGrades: z.array(grade),
  students: z.array(ewsStudentSchema),
  /** Uploaded students (not in the system) of the place scored in the as-of date's school year. */
  uploadedScored: z.number(),
});
/** Student list response. */
export type EwsStudentsResponse = z.infer<typeof ewsStudentsResponseSchema>;

/** Request of a statewide scoring run. */
export const ewsScoreRunRequestSchema = z.object({ asOf: isoDate });
/** A stored scoring run. */
export const ewsScoreRunSchema = z.object({
  id: z.number(),
  asOf: z.string(),
  students: z.number(),
  unscoredGrades: z.array(grade),
  /** Uploaded students (not in the system) re-scored by the run (decision 0071). */
  uploaded: z.number(),
});
/** A scoring run. */
export type EwsScoreRun = z.infer<typeof ewsScoreRunSchema>;

/** Flag rates of a district or school and of the state at each stored as-of date (suppressed under n). */
export const ewsComparisonOverTimeSchema = z.object({
  districtNumber: z.string(),
  schoolNumber: z.string().nullable(),
  points: z.array(
    z.object({
      asOf: z.string(),
      localStudents: z.number(),
      localHighRate: z.number().nullable(),
      localModerateRate: z.number().nullable(),
      stateStudents: z.number(),
      stateHighRate: z.number().nullable(),
      stateModerateRate: z.number().nullable(),
    }),
  ),
});
/** School-vs-state comparison. */
export type EwsComparisonOverTime = z.infer<typeof ewsComparisonOverTimeSchema>;

/** Path parameter of a model. */
export const ewsModelParamsSchema = z.object({ id: z.coerce.number().int().positive() });

import { z } from 'zod';
import { WEEKDAYS } from '@bitterroot/core';
import type { CalendarRules } from '@bitterroot/core';
import {
  decisionRefSchema,
  needsDecision,
  profileIdSchema,
  provenanceShape,
  sourceRefSchema,
} from './profile-common.ts';

// The collection calendar of a profile (montana-aim.md §5) as data; packages/core computes the dates.

const month = z.number().int().min(1).max(12);
const weekday = z.enum(WEEKDAYS, { error: () => `expected one of ${WEEKDAYS.join('|')}` });
const adjust = z.enum(['none', 'next-school-day']).optional();

/** A date rule: fixed day, first or nth weekday of a month, or an offset in days from a named date. */
export const dateRuleSchema = z.discriminatedUnion(
  'rule',
  [
    z.strictObject({ rule: z.literal('fixed'), month, day: z.number().int().min(1).max(31), adjust }),
    z.strictObject({ rule: z.literal('first-weekday-of-month'), month, weekday, adjust }),
    z.strictObject({
      rule: z.literal('nth-weekday-of-month'),
      month,
      weekday,
      n: z.number().int().min(1).max(5),
      adjust,
    }),
    z.strictObject({ rule: z.literal('offset'), from: profileIdSchema, days: z.number().int(), adjust }),
  ],
  { error: () => 'expected rule one of fixed|first-weekday-of-month|nth-weekday-of-month|offset' },
);
/** A date rule. */
export type DateRuleData = z.infer<typeof dateRuleSchema>;

/** A named date of the calendar (count dates, deadlines) with its provenance. */
export const namedDateSchema = z
  .strictObject({
    name: z.string().min(1),
    rule: dateRuleSchema,
    ...provenanceShape,
  })
  .superRefine(needsDecision);
/** A named calendar date. */
export type NamedDate = z.infer<typeof namedDateSchema>;

/** A certification type (IC "Type Membership" / "Certification Category", montana-aim.md §7.1). */
export const certificationTypeSchema = z
  .strictObject({
    id: profileIdSchema,
    name: z.string().min(1),
    ...provenanceShape,
  })
  .superRefine(needsDecision);
/** A certification type. */
export type CertificationType = z.infer<typeof certificationTypeSchema>;

/** Whether and where a collection is certified. */
export const certificationSchema = z
  .strictObject({
    required: z.boolean(),
    types: z.array(profileIdSchema).default([]),
    external: z
      .array(z.string().min(1))
      .optional()
      .describe('systems outside the SIS that also certify, e.g. MAEFAIRS'),
    note: z.string().optional(),
    provisional: z.boolean().default(false),
    decision: decisionRefSchema.optional(),
  })
  .superRefine(needsDecision);
/** A collection's certification rule. */
export type Certification = z.infer<typeof certificationSchema>;

/** One collection of the calendar (montana-aim.md §5.2). */
export const collectionSchema = z
  .strictObject({
    id: profileIdSchema,
    name: z.string().min(1),
    season: z.enum(['summer', 'fall', 'spring', 'end-of-year']),
    window: z.strictObject({ opens: dateRuleSchema, closes: dateRuleSchema }),
    milestones: z.record(profileIdSchema, dateRuleSchema).optional(),
    asOf: profileIdSchema.optional().describe('named date the data are reported as of'),
    certification: certificationSchema,
    templates: z.array(profileIdSchema),
    notes: z.string().optional(),
    examples: z
      .array(
        z.strictObject({
          schoolYear: z.number().int(),
          opens: z.string(),
          closes: z.string(),
          source: sourceRefSchema,
        }),
      )
      .optional(),
    ...provenanceShape,
  })
  .superRefine(needsDecision);
/** A collection. */
export type Collection = z.infer<typeof collectionSchema>;

/** The calendar file (profiles/<state>/calendar.yaml). */
export const calendarSchema = z.strictObject({
  schoolYearStartMonth: month,
  source: sourceRefSchema,
  dates: z.record(profileIdSchema, namedDateSchema),
  certificationTypes: z.array(certificationTypeSchema),
  collections: z.array(collectionSchema).min(1),
});
/** A profile calendar. */
export type Calendar = z.infer<typeof calendarSchema>;

/** The calendar's rules in the shape packages/core computes with (named dates reduced to their rules). */
export function calendarRules(calendar: Calendar): CalendarRules {
  return {
    schoolYearStartMonth: calendar.schoolYearStartMonth,
    dates: Object.fromEntries(Object.entries(calendar.dates).map(([id, d]) => [id, d.rule])),
    collections: calendar.collections,
  };
}

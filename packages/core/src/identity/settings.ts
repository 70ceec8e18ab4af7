// Matching settings as profile data (profiles/<state>/matching.yaml). The server reads the YAML; this only
// validates the parsed object, so packages/core stays free of I/O.
import { z } from 'zod';
import type { MatchSettings } from './types.ts';
import { normalizeName } from './normalize.ts';

const threshold = z.number({ error: 'expected a number between 0 and 1' }).min(0).max(1);
const givenName = z
  .string({ error: 'expected a name' })
  .refine((s) => normalizeName(s) !== '', 'expected a name with at least one letter');

/** The zod schema of matching.yaml; provenance fields are checked and dropped from the result. */
export const matchSettingsSchema = z
  .strictObject({
    source: z.string().min(1, 'source is required'),
    provisional: z.boolean().default(false),
    decision: z
      .string()
      .regex(/^\d{4}$/, 'expected a 4-digit decision record number, e.g. 0021')
      .optional(),
    matchThreshold: threshold,
    reviewThreshold: threshold,
    nicknames: z.record(z.string(), z.array(givenName).min(1, 'a name group needs at least one other name')),
  })
  .superRefine((v, ctx) => {
    if (v.reviewThreshold > v.matchThreshold) {
      ctx.addIssue({ code: 'custom', path: ['reviewThreshold'], message: 'must not exceed matchThreshold' });
    }
    if (v.provisional && v.decision === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['decision'],
        message: 'provisional settings need a decision record',
      });
    }
    for (const key of Object.keys(v.nicknames)) {
      if (normalizeName(key) === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['nicknames', key],
          message: 'expected a name with at least one letter',
        });
      }
    }
  })
  .transform((v): MatchSettings => ({
    matchThreshold: v.matchThreshold,
    reviewThreshold: v.reviewThreshold,
    nicknames: v.nicknames,
  }));

/** A settings file that does not validate; `issues` name each field as `nicknames.william[2]`. */
export class MatchSettingsError extends Error {
  readonly issues: { field: string; message: string }[];
  constructor(issues: { field: string; message: string }[]) {
    super(`invalid matching settings: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'MatchSettingsError';
    this.issues = issues;
  }
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;
    return acc === '' ? String(seg) : `${acc}.${String(seg)}`;
  }, '');
}

/** Validates parsed matching.yaml; throws MatchSettingsError (a broken profile is fixed before start-up). */
export function parseMatchSettings(raw: unknown): MatchSettings {
  const parsed = matchSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new MatchSettingsError(
    parsed.error.issues.map((i) => ({ field: fieldOf(i.path) || '(root)', message: i.message })),
  );
}

/**
 * Turns the catalogue into a run plan: which SQL rules run (statewide, evaluated, gating the collection if
 * one is named), with their profile parameters and the school year's dates from the profile calendar.
 */
import { resolve } from 'node:path';
import { calendarRules, type Profile } from '@bitterroot/contracts';
import { computeNamedDates } from '@bitterroot/core';
import { ageCutoff, rulesForCollection } from '@bitterroot/rules';
import { repoRoot } from '../../platform/config.ts';
import { loadRuleCatalogue, type RuleCatalogue } from './rule-catalogue.loader.ts';
import { SQL_RULES, type RuleDates, type RunScope } from './rules/index.ts';
import type { PlannedRule } from './validation-run.repository.ts';

/** The school year's dates the rules need (montana-aim.md §5.1, §2.10, §8.1). */
export function ruleDates(profile: Profile, year: number, today: string): RuleDates {
  const rules = calendarRules(profile.calendar);
  const dates = computeNamedDates(rules, year);
  // Dropouts of year Y may re-enroll until Sept 30 of the next school year (§7.3).
  const next = computeNamedDates(rules, year + 1);
  return {
    fallCount: dates['fall-count-date']!,
    springCount: dates['spring-count-date']!,
    ageCutoff: ageCutoff(year),
    reenrollmentCutoff: next['dropout-reenrollment-cutoff']!,
    today,
  };
}

/** The plan of one run. */
export function planRun(
  catalogue: RuleCatalogue,
  profile: Profile,
  year: number,
  scope: RunScope,
  options: { collection?: string | undefined; template?: string | undefined; today: string },
): PlannedRule[] {
  // After an upload only the rules that read its record type can change their verdict.
  const reads = (types: string[]) => options.template === undefined || types.includes(options.template);
  const wanted = new Set(
    rulesForCollection(catalogue.rules, options.collection)
      .filter((r) => r.stage === 'statewide' && r.status === 'evaluated' && reads(r.recordTypes))
      .map((r) => r.id),
  );
  const dates = ruleDates(profile, year, options.today);
  const codes = (set: string) => profile.codeSets.find((c) => c.id === set)?.codes.map((c) => c.code) ?? [];
  return SQL_RULES.filter((r) => wanted.has(r.id) && (scope.kind !== 'students' || r.perStudent)).map(
    (rule) => {
      const def = catalogue.byId.get(rule.id)!;
      return {
        rule,
        severity: def.severity,
        ctx: { year, dates, scope, params: def.parameters ?? {}, codes },
      };
    },
  );
}

const cache = new Map<string, Promise<RuleCatalogue>>();

/** The catalogue of a profile (profiles/<id>/rules under the repository), loaded once per process. */
export function catalogueFor(profile: Profile, profileDir?: string): Promise<RuleCatalogue> {
  const dir = profileDir ?? resolve(repoRoot, 'profiles', profile.manifest.id);
  let loaded = cache.get(dir);
  if (!loaded) {
    loaded = loadRuleCatalogue(dir, profile).then((r) => {
      if (!r.ok)
        throw new Error(
          `rule catalogue of ${dir} does not load: ${r.error[0]!.file}:${r.error[0]!.line} ${r.error[0]!.message}`,
        );
      return r.value;
    });
    cache.set(dir, loaded);
  }
  return loaded;
}

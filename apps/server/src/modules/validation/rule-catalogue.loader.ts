/**
 * Loads the rule catalogue (profiles/<state>/rules/*.yaml) next to its profile and checks it the way the
 * profile loader checks templates: every problem located to `file:line field`. Beyond the schema, record
 * types must be templates, collections must be calendar collections, and the catalogue must match the checks
 * the code implements (upload codes and statewide SQL rules) in both directions.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ruleFileSchema, type Profile, type RuleFile } from '@bitterroot/contracts';
import { err, ok, type Result } from '@bitterroot/core';
import { catalogueProblems, type RuleDefinition } from '@bitterroot/rules';
import {
  displayPath,
  errorAt,
  parseYaml,
  validateFile,
  type Loaded,
  type ProfileError,
} from '../profile/profile.parser.ts';
import { SQL_RULES } from './rules/index.ts';
import { UPLOAD_CHECK_IDS } from './upload-check-ids.ts';

/** The loaded catalogue: rules in file order, by id. */
export type RuleCatalogue = { rules: RuleDefinition[]; byId: Map<string, RuleDefinition> };

/** Every id some check of the product implements. */
export function implementedRuleIds(): Set<string> {
  return new Set([...UPLOAD_CHECK_IDS, ...SQL_RULES.map((r) => r.id)]);
}

async function loadRuleFile(file: string, errors: ProfileError[]): Promise<Loaded<RuleFile> | null> {
  const parsed = parseYaml(file, await readFile(file, 'utf8'));
  if (!parsed.ok) {
    errors.push(...parsed.error);
    return null;
  }
  const valid = validateFile(parsed.value, ruleFileSchema);
  if (!valid.ok) {
    errors.push(...valid.error);
    return null;
  }
  return valid.value;
}

function crossChecks(files: Loaded<RuleFile>[], profile: Profile, implemented: Set<string>): ProfileError[] {
  const templates = new Set(profile.templates.map((t) => t.id));
  const collections = new Set(profile.calendar.collections.map((c) => c.id));
  const errors: ProfileError[] = [];
  const where = new Map<string, ProfileError>();
  for (const f of files)
    f.value.rules.forEach((r, i) => {
      const at = (path: PropertyKey[], message: string) => errorAt(f.source, ['rules', i, ...path], message);
      if (where.has(r.id)) errors.push(at(['id'], `rule ${r.id} is catalogued twice`));
      where.set(r.id, at(['id'], ''));
      r.recordTypes.forEach((t, j) => {
        if (!templates.has(t)) errors.push(at(['recordTypes', j], `unknown template ${t}`));
      });
      r.collections.forEach((c, j) => {
        if (!collections.has(c)) errors.push(at(['collections', j], `unknown collection ${c}`));
      });
    });
  const rules = files.flatMap((f) => f.value.rules);
  for (const p of catalogueProblems(rules, implemented)) {
    if (p.problem.startsWith('catalogued twice')) continue;
    const located = where.get(p.id);
    errors.push(
      located
        ? { ...located, field: located.field, message: `${p.id}: ${p.problem}` }
        : { file: 'rules/', line: 0, field: '', message: `${p.id}: ${p.problem}` },
    );
  }
  return errors;
}

/**
 * Loads and checks the catalogue of a profile directory. `implemented` defaults to the product's own checks;
 * tests pass other sets to see the cross-check fail.
 */
export async function loadRuleCatalogue(
  profileDir: string,
  profile: Profile,
  implemented: Set<string> = implementedRuleIds(),
): Promise<Result<RuleCatalogue, ProfileError[]>> {
  const dir = join(profileDir, 'rules');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    return err([
      { file: displayPath(dir), line: 0, field: '', message: `cannot read folder: ${(e as Error).message}` },
    ]);
  }
  const errors: ProfileError[] = [];
  const files = (await Promise.all(names.map((n) => loadRuleFile(join(dir, n), errors)))).filter(
    (f): f is Loaded<RuleFile> => f !== null,
  );
  if (errors.length === 0) errors.push(...crossChecks(files, profile, implemented));
  if (errors.length > 0) return err(errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line));
  const rules: RuleDefinition[] = files.flatMap((f) => f.value.rules);
  return ok({ rules, byId: new Map(rules.map((r) => [r.id, r])) });
}

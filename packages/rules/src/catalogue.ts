/**
 * The validation rule catalogue as types (ARCHITECTURE §4 Validation): every finding code the product
 * writes, upload-time or statewide, has one entry in profiles/<state>/rules/*.yaml. Pure: no I/O.
 */

/** Severity of a validation finding (ARCHITECTURE §4 Validation). */
export type Severity = 'fatal' | 'warning' | 'info';

/** What a rule looks at: one file, one cell, one row, one stored record, several records, several districts. */
export type RuleKind = 'file' | 'cell' | 'row' | 'record' | 'cross-record' | 'cross-district';

/** When a rule runs: on an upload's staged rows, or over the live tables (the statewide engine). */
export type RuleStage = 'upload' | 'statewide';

/** Whether the product evaluates a rule yet; `not-evaluated` entries say why (data the state lacks). */
export type RuleStatus = 'evaluated' | 'not-evaluated';

/** A rule parameter value (code lists, thresholds) kept in the profile, not in code. */
export type RuleParameter = string | number | boolean | string[];

/** A catalogued rule's identity and documentation. */
export type RuleDefinition = {
  id: string;
  severity: Severity;
  kind: RuleKind;
  stage: RuleStage;
  status: RuleStatus;
  /** Why a not-evaluated rule is not evaluated yet. */
  notEvaluatedReason?: string | undefined;
  /** The montana-aim.md §6.4 rule number it implements (`R03`), when it comes from that table. */
  specRule?: string | undefined;
  /** Template ids of the record types the rule reads. */
  recordTypes: string[];
  /** Collection ids (calendar.yaml) whose certification the rule gates. */
  collections: string[];
  description: string;
  fixHint: string;
  source: string;
  /** True where the spec tags the rule [I] (inferred); the description says so too. */
  inferred?: boolean | undefined;
  parameters?: Record<string, RuleParameter> | undefined;
};

/** A problem found when the catalogue is compared with the checks the code implements. */
export type CatalogueProblem = { id: string; problem: string };

/** Every catalogued id that must have an implementation, and every implemented id without an entry. */
export function catalogueProblems(
  rules: readonly RuleDefinition[],
  implemented: ReadonlySet<string>,
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) problems.push({ id: r.id, problem: 'catalogued twice' });
    seen.add(r.id);
    if (r.status === 'evaluated' && !implemented.has(r.id))
      problems.push({ id: r.id, problem: 'catalogued as evaluated but no check implements it' });
    if (r.status === 'not-evaluated' && implemented.has(r.id))
      problems.push({ id: r.id, problem: 'catalogued as not evaluated but a check implements it' });
  }
  for (const id of implemented)
    if (!seen.has(id)) problems.push({ id, problem: 'implemented but missing from the catalogue' });
  return problems;
}

/** The rules of a catalogue that gate a collection (all rules when no collection is given). */
export function rulesForCollection(
  rules: readonly RuleDefinition[],
  collection: string | undefined,
): RuleDefinition[] {
  return collection === undefined ? [...rules] : rules.filter((r) => r.collections.includes(collection));
}

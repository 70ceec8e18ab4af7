/** Severity of a validation finding (ARCHITECTURE §4 Validation). */
export type Severity = 'fatal' | 'warning' | 'info';

/** A catalogued rule's identity and documentation; checks arrive with the validation engine. */
export type RuleDefinition = {
  id: string;
  severity: Severity;
  recordTypes: string[];
  description: string;
  fixHint: string;
  source: string;
};
export * from './cell-checks.ts';

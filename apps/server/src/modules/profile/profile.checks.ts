import { basename, extname } from 'node:path';
import { CalendarRuleError, computeCollectionDates } from '@bitterroot/core';
import type { DateRule } from '@bitterroot/core';
import { calendarRules } from '@bitterroot/contracts';
import type { Calendar, CodeSet, Template } from '@bitterroot/contracts';
import { errorAt } from './profile.parser.ts';
import type { Loaded, ProfileError } from './profile.parser.ts';

// Cross-file checks that a per-file schema cannot make. They run only on files that passed their schema.

/** The 8-field prefix every enrolment-level row starts with, and the Year it ends with (montana-aim.md §4.1). */
export const STUDENT_PREFIX = [
  'record_type',
  'district_number',
  'school_number',
  'calendar_number',
  'student_state_id',
  'student_local_id',
  'last_name',
  'first_name',
] as const;

/** Key of the trailing Year column of enrolment-level rows. */
export const SCHOOL_YEAR_KEY = 'school_year';

/** Code set holding the record types (montana-aim.md §3.1). */
export const RECORD_TYPE_SET = 'record-type';

function fileId(file: string): string {
  return basename(file, extname(file));
}

/** Every file's id equals its file name, so a reader finds `codeSet: race` in `code-sets/race.yaml`. */
export function checkFileIds(items: readonly Loaded<{ id: string }>[]): ProfileError[] {
  return items
    .filter((i) => i.value.id !== fileId(i.source.file))
    .map((i) =>
      errorAt(i.source, ['id'], `id "${i.value.id}" must equal the file name "${fileId(i.source.file)}"`),
    );
}

function duplicates<T>(
  items: readonly Loaded<T>[],
  keyOf: (v: T) => string | number,
  field: string,
  what: string,
) {
  const seen = new Map<string | number, string>();
  const errors: ProfileError[] = [];
  for (const item of items) {
    const key = keyOf(item.value);
    const first = seen.get(key);
    if (first !== undefined)
      errors.push(errorAt(item.source, [field], `${what} ${key} is also used by ${first}`));
    else seen.set(key, item.source.file);
  }
  return errors;
}

function checkShape(t: Loaded<Template>): ProfileError[] {
  const keys = t.value.columns.map((c) => c.key);
  const errors: ProfileError[] = [];
  if (keys[0] !== 'record_type')
    errors.push(errorAt(t.source, ['columns', 0, 'key'], 'the first column must be record_type'));
  if (t.value.level === 'student') {
    STUDENT_PREFIX.forEach((key, i) => {
      if (keys[i] !== key)
        errors.push(
          errorAt(
            t.source,
            ['columns', i, 'key'],
            `student rows start with ${STUDENT_PREFIX.join(', ')}: expected ${key}`,
          ),
        );
    });
    if (keys.at(-1) !== SCHOOL_YEAR_KEY) {
      errors.push(
        errorAt(t.source, ['columns', keys.length - 1, 'key'], `student rows end with ${SCHOOL_YEAR_KEY}`),
      );
    }
  }
  if (t.value.level === 'district-student' && keys[1] !== 'district_number') {
    errors.push(errorAt(t.source, ['columns', 1, 'key'], 'district-level rows have district_number second'));
  }
  t.value.key.forEach((k, i) => {
    if (!keys.includes(k))
      errors.push(errorAt(t.source, ['key', i], `key column ${k} is not a column of this template`));
  });
  return errors;
}

/** Template checks: unique ids, record types and orders; known code sets and record types; key and prefix columns. */
export function checkTemplates(
  templates: readonly Loaded<Template>[],
  codeSets: readonly Loaded<CodeSet>[],
): ProfileError[] {
  const setIds = new Set(codeSets.map((s) => s.value.id));
  const recordTypes = codeSets.find((s) => s.value.id === RECORD_TYPE_SET)?.value.codes.map((c) => c.code);
  const errors = [
    ...duplicates(templates, (t) => t.id, 'id', 'template id'),
    ...duplicates(templates, (t) => t.recordType, 'recordType', 'record type'),
    ...duplicates(templates, (t) => t.order, 'order', 'upload order'),
  ];
  for (const t of templates) {
    errors.push(...checkShape(t));
    if (recordTypes !== undefined && !recordTypes.includes(t.value.recordType)) {
      errors.push(
        errorAt(
          t.source,
          ['recordType'],
          `record type ${t.value.recordType} is not in code set ${RECORD_TYPE_SET}`,
        ),
      );
    }
    t.value.columns.forEach((c, i) => {
      if (c.codeSet !== undefined && !setIds.has(c.codeSet)) {
        errors.push(errorAt(t.source, ['columns', i, 'codeSet'], `unknown code set ${c.codeSet}`));
      }
    });
  }
  return errors;
}

function ruleRefs(rule: DateRule): string[] {
  return rule.rule === 'offset' ? [rule.from] : [];
}

/** Calendar checks: referenced dates, templates and certification types exist; date rules compute without cycles. */
export function checkCalendar(calendar: Loaded<Calendar>, templateIds: ReadonlySet<string>): ProfileError[] {
  const { value: cal, source } = calendar;
  const dateIds = new Set(Object.keys(cal.dates));
  const typeIds = new Set(cal.certificationTypes.map((t) => t.id));
  const errors: ProfileError[] = [];
  const needDate = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !dateIds.has(id)) errors.push(errorAt(source, path, `unknown date ${id}`));
  };
  for (const [id, d] of Object.entries(cal.dates))
    ruleRefs(d.rule).forEach((r) => needDate(r, ['dates', id, 'rule', 'from']));
  const seen = new Set<string>();
  cal.collections.forEach((c, i) => {
    const at = (...rest: (string | number)[]) => ['collections', i, ...rest];
    if (seen.has(c.id)) errors.push(errorAt(source, at('id'), `duplicate collection ${c.id}`));
    seen.add(c.id);
    ruleRefs(c.window.opens).forEach((r) => needDate(r, at('window', 'opens', 'from')));
    ruleRefs(c.window.closes).forEach((r) => needDate(r, at('window', 'closes', 'from')));
    for (const [m, rule] of Object.entries(c.milestones ?? {}))
      ruleRefs(rule).forEach((r) => needDate(r, at('milestones', m, 'from')));
    needDate(c.asOf, at('asOf'));
    c.templates.forEach((t, j) => {
      if (!templateIds.has(t)) errors.push(errorAt(source, at('templates', j), `unknown template ${t}`));
    });
    c.certification.types.forEach((t, j) => {
      if (!typeIds.has(t))
        errors.push(errorAt(source, at('certification', 'types', j), `unknown certification type ${t}`));
    });
  });
  if (errors.length === 0) errors.push(...computable(calendar));
  return errors;
}

// Offsets may chain; a cycle only shows when computing, so compute one year and report the rule error.
function computable(calendar: Loaded<Calendar>): ProfileError[] {
  try {
    computeCollectionDates(calendarRules(calendar.value), 2026);
    return [];
  } catch (e) {
    if (e instanceof CalendarRuleError) return [errorAt(calendar.source, ['dates'], e.message)];
    throw e;
  }
}

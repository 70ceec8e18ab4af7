import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarRules } from '@bitterroot/contracts';
import type { Profile } from '@bitterroot/contracts';
import { computeCollectionDates } from '@bitterroot/core';
import {
  codeSet,
  formatProfileError,
  loadProfile,
  template,
  templateByRecordType,
} from './profile.loader.ts';
import type { ProfileError } from './profile.loader.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const montana = join(root, 'profiles/montana');

const TEMPLATE_IDS = [
  'student-demographics',
  'student-enrollment',
  'program-participation',
  'section-504',
  'english-learners',
  'fram',
  'fall-count',
  'spring-count',
  'eoy-attendance',
  'mode-of-instruction',
  'fall-cte',
  'eoy-cte',
  'behavior',
  'extracurricular',
  'test-accommodations',
  'terms-of-employment',
  'district-assignment',
  'course',
  'section',
  'staff-history',
  'roster',
  'ews-student-data',
];

async function loadMontana(): Promise<Profile> {
  const result = await loadProfile(montana);
  if (!result.ok) throw new Error(result.error.map(formatProfileError).join('\n'));
  return result.value;
}

describe('the Montana profile', () => {
  it('loads with zero errors: 22 templates, 29 code sets', async () => {
    const profile = await loadMontana();
    expect(profile.manifest).toMatchObject({
      id: 'montana',
      stateCode: 'MT',
      fileFormat: { version: 'MT9.1' },
    });
    expect(profile.templates.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    expect(profile.codeSets).toHaveLength(29);
    expect(profile.templates.map((t) => t.order)).toEqual(profile.templates.map((_, i) => i + 1));
  });

  it('answers the lookups', async () => {
    const profile = await loadMontana();
    expect(templateByRecordType(profile, 'EN')?.id).toBe('student-enrollment');
    expect(template(profile, 'course')?.columns).toHaveLength(17);
    expect(template(profile, 'staff-history')?.columns).toHaveLength(12);
    expect(codeSet(profile, 'grade-level')?.codes.map((c) => c.code)).toEqual(
      ['PK', 'KG', 'KF'].concat(Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'))),
    );
    expect(codeSet(profile, 'calendar-type')?.codes.map((c) => c.code)).toContain('J');
    expect(codeSet(profile, 'nope')).toBeUndefined();
  });

  it('names an existing decision record for every provisional value', async () => {
    const decisions = new Set((await readdir(join(root, 'docs/decisions'))).map((f) => f.slice(0, 4)));
    const profile = await loadMontana();
    const used = [
      ...profile.codeSets.flatMap((s) => s.codes.map((c) => c.decision)),
      ...profile.templates.flatMap((t) => [t.decision, ...t.columns.map((c) => c.decision)]),
      ...Object.values(profile.calendar.dates).map((d) => d.decision),
      ...profile.calendar.collections.flatMap((c) => [c.decision, c.certification.decision]),
      ...profile.calendar.certificationTypes.map((t) => t.decision),
    ].filter((d): d is string => d !== undefined);
    expect([...new Set(used)].filter((d) => !decisions.has(d))).toEqual([]);
  });

  it('computes the 2025-26 windows the spec shows (§5.2)', async () => {
    const profile = await loadMontana();
    const computed = computeCollectionDates(calendarRules(profile.calendar), 2026);
    expect(computed.dates['fall-count-date']).toBe('2025-10-06');
    expect(computed.collections.find((c) => c.id === 'fall-count')).toMatchObject({
      opens: '2025-10-07',
      closes: '2025-10-22',
    });
    const eoy = computeCollectionDates(calendarRules(profile.calendar), 2025).collections.find(
      (c) => c.id === 'eoy-attendance',
    );
    expect(eoy).toMatchObject({
      opens: '2025-05-12',
      closes: '2025-06-20',
      milestones: { 'corrections-deadline': '2025-06-30' },
    });
  });
});

describe('errors point at file, line and field', () => {
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
    dir = '';
  });

  /** Copies the profile, applies one text edit, loads it and returns the errors plus the edited line number. */
  async function loadBroken(
    file: string,
    from: string,
    to: string,
  ): Promise<{ errors: ProfileError[]; line: number }> {
    dir = await mkdtemp(join(tmpdir(), 'bitterroot-profile-'));
    await cp(montana, dir, { recursive: true });
    const path = join(dir, file);
    const text = await readFile(path, 'utf8');
    const at = text.indexOf(from);
    expect(at).toBeGreaterThan(-1);
    await writeFile(path, text.replace(from, to));
    const result = await loadProfile(dir);
    expect(result.ok).toBe(false);
    return { errors: result.ok ? [] : result.error, line: text.slice(0, at).split('\n').length };
  }

  it('reports a bad column type at its line', async () => {
    const { errors, line } = await loadBroken(
      'templates/fram.yaml',
      'type: code\n    codeSet: fram-eligibility',
      'type: kode\n    codeSet: fram-eligibility',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, field: 'columns[8].type' });
    expect(errors[0]?.file.endsWith(join('templates', 'fram.yaml'))).toBe(true);
    expect(formatProfileError(errors[0]!)).toMatch(
      new RegExp(
        `templates/fram\\.yaml:${line} columns\\[8\\]\\.type: expected one of text\\|digits\\|date\\|code`,
      ),
    );
  });

  it('reports a block-style value and a missing field', async () => {
    const month = await loadBroken('calendar.yaml', 'schoolYearStartMonth: 7', 'schoolYearStartMonth: 13');
    expect(month.errors).toMatchObject([{ line: month.line, field: 'schoolYearStartMonth' }]);
    const label = await loadBroken('code-sets/gender.yaml', '- code: F\n    label: Female\n', '- code: F\n');
    expect(label.errors).toMatchObject([{ line: label.line, field: 'codes[1].label' }]);
  });

  it('reports a misspelt key at the key', async () => {
    const { errors, line } = await loadBroken(
      'profile.yaml',
      'postalCode: MT',
      'postalCode: MT\npostcode: MT',
    );
    expect(errors).toMatchObject([{ line: line + 1, field: 'postcode' }]);
  });

  it('reports an unknown codeSet reference', async () => {
    const { errors, line } = await loadBroken(
      'templates/student-enrollment.yaml',
      'codeSet: grade-level\n',
      'codeSet: grade-levels\n',
    );
    expect(errors).toMatchObject([
      { line, field: 'columns[8].codeSet', message: 'unknown code set grade-levels' },
    ]);
  });

  it('reports a key column that is not a column, and a duplicate record type', async () => {
    const key = await loadBroken('templates/roster.yaml', 'key:\n  - record_type', 'key:\n  - recordtype');
    expect(key.errors).toMatchObject([{ line: key.line + 1, field: 'key[0]' }]);
    const dup = await loadBroken('templates/spring-count.yaml', 'recordType: AS', 'recordType: AF');
    expect(dup.errors.map((e) => e.field)).toContain('recordType');
  });

  it('reports malformed YAML with its line', async () => {
    const dupKey = await loadBroken('code-sets/gender.yaml', 'name: Gender\n', 'name: Gender\nname: Again\n');
    expect(dupKey.errors).toMatchObject([{ line: dupKey.line + 1, field: '' }]);
    expect(dupKey.errors[0]?.message).toMatch(/DUPLICATE_KEY/);
    const indent = await loadBroken(
      'templates/section.yaml',
      'columns:\n',
      'columns:\n  - key: broken\n   label: oops\n',
    );
    expect(indent.errors[0]).toMatchObject({ line: indent.line + 2 });
    expect(indent.errors[0]?.message).toMatch(/Sequence item without - indicator/);
    expect(indent.errors[0]?.file.endsWith(join('templates', 'section.yaml'))).toBe(true);
  });

  it('reports an unknown date in a calendar rule', async () => {
    const { errors, line } = await loadBroken(
      'calendar.yaml',
      'from: fall-programs-deadline',
      'from: fall-program-deadline',
    );
    expect(errors).toMatchObject([{ line, message: 'unknown date fall-program-deadline' }]);
  });
});

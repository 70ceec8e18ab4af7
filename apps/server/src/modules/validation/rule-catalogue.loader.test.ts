import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '@bitterroot/contracts';
import { repoRoot } from '../../platform/config.ts';
import { loadProfile } from '../profile/profile.loader.ts';
import { formatProfileError } from '../profile/profile.parser.ts';
import { implementedRuleIds, loadRuleCatalogue } from './rule-catalogue.loader.ts';

const montana = resolve(repoRoot, 'profiles/montana');
let profile: Profile;
let copy: string;

beforeAll(async () => {
  const r = await loadProfile(montana);
  if (!r.ok) throw new Error(formatProfileError(r.error[0]!));
  profile = r.value;
  copy = await mkdtemp(join(tmpdir(), 'bitterroot-rules-'));
  await cp(join(montana, 'rules'), join(copy, 'rules'), { recursive: true });
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe('the Montana rule catalogue', () => {
  it('loads, and matches every implemented check in both directions', async () => {
    const r = await loadRuleCatalogue(montana, profile);
    if (!r.ok) throw new Error(r.error.map(formatProfileError).join('\n'));
    expect(r.value.rules.length).toBeGreaterThan(80);
  });

  it('covers every rule R01–R37 of montana-aim.md §6.4', async () => {
    const r = await loadRuleCatalogue(montana, profile);
    if (!r.ok) throw new Error('catalogue does not load');
    const covered = new Set(r.value.rules.map((x) => x.specRule).filter(Boolean));
    const all = Array.from({ length: 37 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`);
    expect(all.filter((x) => !covered.has(x))).toEqual([]);
  });

  it('names file, line and field of a broken rule', async () => {
    const file = join(copy, 'rules', 'staff-courses.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace(
        'severity: fatal\n    kind: record\n    stage: statewide\n    specRule: R33',
        'severity: fatel\n    kind: record\n    stage: statewide\n    specRule: R33',
      ),
    );
    const r = await loadRuleCatalogue(copy, profile);
    await writeFile(file, text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProfileError(r.error[0]!)).toMatch(
      /staff-courses\.yaml:\d+ rules\[2\]\.severity: expected one of fatal\|warning\|info/,
    );
  });

  it('fails when a catalogued id has no check, or a check has no entry', async () => {
    const ids = implementedRuleIds();
    ids.delete('ENR-003');
    ids.add('ENR-999');
    const r = await loadRuleCatalogue(montana, profile, ids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.error.map(formatProfileError).join('\n');
    expect(text).toMatch(
      /identity-enrollment\.yaml:\d+ rules\[3\]\.id: ENR-003: catalogued as evaluated but no check implements it/,
    );
    expect(text).toContain('ENR-999: implemented but missing from the catalogue');
  });
});

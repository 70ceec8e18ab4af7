import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MatchSettingsError, parseMatchSettings } from './settings.ts';

const montanaRaw: unknown = parse(
  readFileSync(new URL('../../../../profiles/montana/matching.yaml', import.meta.url), 'utf8'),
);
const montana = parseMatchSettings(montanaRaw);

function fieldsOf(raw: unknown): string[] {
  try {
    parseMatchSettings(raw);
  } catch (e) {
    if (e instanceof MatchSettingsError) return e.issues.map((i) => i.field);
    throw e;
  }
  return [];
}

const base = montanaRaw as Record<string, unknown>;

describe('parseMatchSettings', () => {
  it('reads the Montana profile', () => {
    expect(montana.matchThreshold).toBe(0.92);
    expect(montana.reviewThreshold).toBe(0.75);
    expect(Object.keys(montana.nicknames).length).toBeGreaterThanOrEqual(80);
    expect(montana.nicknames['william']).toContain('bill');
  });

  it.each([
    ['threshold above 1', { ...base, matchThreshold: 1.2 }, 'matchThreshold'],
    ['threshold as text', { ...base, reviewThreshold: 'high' }, 'reviewThreshold'],
    ['review above match', { ...base, reviewThreshold: 0.95 }, 'reviewThreshold'],
    ['misspelt key', { ...base, matchTreshold: 0.9 }, '(root)'],
    ['missing thresholds', { source: 'x', nicknames: {} }, 'matchThreshold'],
    ['empty group', { ...base, nicknames: { william: [] } }, 'nicknames.william'],
    ['blank nickname', { ...base, nicknames: { william: ['bill', ' - '] } }, 'nicknames.william[1]'],
    ['provisional without decision', { ...base, decision: undefined }, 'decision'],
    ['not an object', 'matchThreshold: 0.9', '(root)'],
  ])('%s names %s', (_name, raw, field) => {
    expect(fieldsOf(raw)).toContain(field);
  });

  it('says which field in the message', () => {
    expect(() => parseMatchSettings({ ...base, matchThreshold: 2 })).toThrow(/matchThreshold: /);
  });
});

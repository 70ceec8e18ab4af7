// Given-name groups as an index: name → the groups it belongs to. Built once per settings object (a WeakMap keyed
// by the table), because scoreIdentity receives the settings on every call.
import { normalizeName } from './normalize.ts';

type Group = { formal: string; index: number };
const cache = new WeakMap<Record<string, string[]>, Map<string, Group[]>>();

function buildIndex(table: Record<string, string[]>): Map<string, Group[]> {
  const index = new Map<string, Group[]>();
  let n = 0;
  for (const [formal, variants] of Object.entries(table)) {
    const group = { formal: normalizeName(formal), index: n++ };
    for (const name of new Set([formal, ...variants].map((v) => normalizeName(v).replace(/ /g, '')))) {
      if (name === '') continue;
      const list = index.get(name);
      if (list === undefined) index.set(name, [group]);
      else list.push(group);
    }
  }
  return index;
}

function indexOf(table: Record<string, string[]>): Map<string, Group[]> {
  let index = cache.get(table);
  if (index === undefined) {
    index = buildIndex(table);
    cache.set(table, index);
  }
  return index;
}

/**
 * The formal name of a group holding both (compact, normalised) names, or null. Not transitive on purpose:
 * Chris is both Christopher and Christina, yet Christopher and Christina never match.
 */
export function sharedNameGroup(table: Record<string, string[]>, a: string, b: string): string | null {
  const index = indexOf(table);
  const ga = index.get(a);
  if (ga === undefined) return null;
  const gb = index.get(b);
  if (gb === undefined) return null;
  for (const x of ga) for (const y of gb) if (x.index === y.index) return x.formal;
  return null;
}

/** The Montana profile, loaded once per test file. */
import { resolve } from 'node:path';
import type { Profile } from '@bitterroot/contracts';
import { loadProfile } from '../src/modules/profile/profile.loader.ts';
import { loadMatchSettings } from '../src/modules/ingestion/identity-matching.ts';
import { repoRoot } from '../src/platform/config.ts';

let cached: Promise<Profile> | undefined;

/** Loads (once) and returns the Montana profile; throws if it does not load. */
export function testProfile(): Promise<Profile> {
  cached ??= loadProfile(resolve(repoRoot, 'profiles/montana')).then((r) => {
    if (!r.ok) throw new Error(`Montana profile does not load: ${JSON.stringify(r.error[0])}`);
    return r.value;
  });
  return cached;
}

/** The Montana matching settings. */
export function testMatchSettings() {
  return loadMatchSettings(resolve(repoRoot, 'profiles/montana'));
}

/** Reads the profile's early-warning.yaml (label mapping, bands, penalty); a bad file fails at startup. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ewsSettingsSchema } from '@bitterroot/contracts';
import type { EwsSettings } from '@bitterroot/core';
import { repoRoot } from '../../platform/config.ts';

/** The Montana profile folder, used when the caller names none. */
export const DEFAULT_PROFILE_DIR = resolve(repoRoot, 'profiles/montana');

/** Loads and validates `early-warning.yaml` from a profile folder. */
export async function loadEwsSettings(profileDir: string = DEFAULT_PROFILE_DIR): Promise<EwsSettings> {
  const text = await readFile(join(profileDir, 'early-warning.yaml'), 'utf8');
  const parsed = ewsSettingsSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new Error(
      `early-warning.yaml is not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  return parsed.data;
}

/** `./bitterroot init`: migrations, profile, districts, schools and calendars for a school year; idempotent. */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Profile } from '@bitterroot/contracts';
import { loadConfig } from '../platform/config.ts';
import type { Database } from '../db/database.ts';
import { loadProfile, formatProfileError } from '../modules/profile/profile.loader.ts';
import { saveProfile } from '../modules/profile/profile.repository.ts';
import { organizationFromProfile } from '../modules/organizations/organizations.setup.ts';
import { upsertOrganization } from '../modules/organizations/organization-load.repository.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

/** Loads and validates a profile or throws a CliError naming file, line and field. */
export async function loadProfileOrExplain(profileDir: string): Promise<Profile> {
  const loaded = await loadProfile(profileDir);
  if (!loaded.ok) {
    const first = loaded.error[0]!;
    const more = loaded.error.length > 1 ? ` (and ${loaded.error.length - 1} more problems)` : '';
    throw new CliError(
      `the profile is broken: ${formatProfileError(first)}${more}. Fix the file and run again.`,
    );
  }
  return loaded.value;
}

async function hashDirectory(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name))
    .sort();
  for (const f of files) hash.update(relative(dir, f)).update(await readFile(f));
  return hash.digest('hex');
}

/** Creates or updates the state in an open database. Every step is transactional; a rerun resumes. */
export async function initialize(
  database: Database,
  profileDir: string,
  schoolYear: number,
): Promise<{ migrations: number[]; districts: number; schools: number; calendars: number }> {
  const profile = await loadProfileOrExplain(profileDir);
  const org = await organizationFromProfile(profileDir, schoolYear);
  if (!org.ok) throw new CliError(`the district list is broken: ${org.error}`);
  const migrations = await migrateOrExplain(database);
  const contentHash = await hashDirectory(profileDir);
  await database.db.transaction().execute(async (trx) => {
    await saveProfile(trx, profile, contentHash);
    await upsertOrganization(trx, org.value);
  });
  return {
    migrations,
    districts: org.value.districts.length,
    schools: org.value.schools.length,
    calendars: org.value.calendars.length,
  };
}

/** CLI entry. */
export async function initCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {});
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const database = await openOrExplain(config.database);
  try {
    const r = await initialize(database, config.profileDir, config.schoolYear);
    console.log(
      `initialised ${database.kind} at ${database.location}: ${r.districts} districts, ${r.schools} schools, ${r.calendars} calendars for ${config.schoolYear}; migrations applied: ${r.migrations.length ? r.migrations.join(', ') : 'none (up to date)'}`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

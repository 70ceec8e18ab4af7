/** Builds the organisation from the profile's district list (deterministic: no random seed). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildOrganization, parseDistrictSeedCsv, type Organization } from '@bitterroot/core';

/** Reads `organization/districts.csv` of a profile and derives districts, schools and calendars for a year. */
export async function organizationFromProfile(
  profileDir: string,
  schoolYear: number,
): Promise<{ ok: true; value: Organization } | { ok: false; error: string }> {
  const file = join(profileDir, 'organization', 'districts.csv');
  const parsed = parseDistrictSeedCsv(await readFile(file, 'utf8'));
  if (!parsed.ok) {
    const first = parsed.error[0]!;
    return {
      ok: false,
      error: `${file}:${first.line} ${first.message}${parsed.error.length > 1 ? ` (and ${parsed.error.length - 1} more)` : ''}`,
    };
  }
  return { ok: true, value: buildOrganization(parsed.value, schoolYear) };
}

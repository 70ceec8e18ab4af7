import type { CodeEntry, CodeSet, Profile, Template } from '@bitterroot/contracts';

// In-memory lookups over a loaded profile. Profiles hold a few dozen sets and templates, so a scan is cheaper
// than keeping indexes in step with the data.

/** The code set with this id, or undefined. */
export function codeSet(profile: Profile, id: string): CodeSet | undefined {
  return profile.codeSets.find((s) => s.id === id);
}

/** The entry of `code` in code set `setId`, or undefined when either is unknown. */
export function codeEntry(profile: Profile, setId: string, code: string): CodeEntry | undefined {
  return codeSet(profile, setId)?.codes.find((c) => c.code === code);
}

/** The template with this id, or undefined. */
export function template(profile: Profile, id: string): Template | undefined {
  return profile.templates.find((t) => t.id === id);
}

/** The template a file row belongs to, by its record type (first column, montana-aim.md §3.1), or undefined. */
export function templateByRecordType(profile: Profile, code: string): Template | undefined {
  return profile.templates.find((t) => t.recordType === code);
}

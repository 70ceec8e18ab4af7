import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calendarSchema, codeSetSchema, profileManifestSchema, templateSchema } from '@bitterroot/contracts';
import type { Profile } from '@bitterroot/contracts';
import { err, ok } from '@bitterroot/core';
import type { Result } from '@bitterroot/core';
import type { z } from 'zod';
import { checkCalendar, checkFileIds, checkTemplates } from './profile.checks.ts';
import { displayPath, parseYaml, validateFile } from './profile.parser.ts';
import type { Loaded, ProfileError } from './profile.parser.ts';

export { formatProfileError } from './profile.parser.ts';
export type { ProfileError } from './profile.parser.ts';
export { codeEntry, codeSet, template, templateByRecordType } from './profile.lookup.ts';

async function loadFile<T>(
  file: string,
  schema: z.ZodType<T>,
  errors: ProfileError[],
): Promise<Loaded<T> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    errors.push({
      file: displayPath(file),
      line: 0,
      field: '',
      message: `cannot read: ${(e as Error).message}`,
    });
    return null;
  }
  const parsed = parseYaml(file, text);
  if (!parsed.ok) {
    errors.push(...parsed.error);
    return null;
  }
  const valid = validateFile(parsed.value, schema);
  if (!valid.ok) {
    errors.push(...valid.error);
    return null;
  }
  return valid.value;
}

async function loadFolder<T>(
  dir: string,
  schema: z.ZodType<T>,
  errors: ProfileError[],
): Promise<Loaded<T>[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    errors.push({
      file: displayPath(dir),
      line: 0,
      field: '',
      message: `cannot read folder: ${(e as Error).message}`,
    });
    return [];
  }
  const loaded = await Promise.all(names.map(async (n) => await loadFile(join(dir, n), schema, errors)));
  return loaded.filter((l): l is Loaded<T> => l !== null);
}

/**
 * Loads and validates a state profile folder (profile.yaml, code sets, templates, calendar). Every problem comes
 * back as a located error; cross-file checks run only when every file is valid on its own, so one broken code set
 * does not also flag every column that names it.
 */
export async function loadProfile(dir: string): Promise<Result<Profile, ProfileError[]>> {
  const errors: ProfileError[] = [];
  const manifest = await loadFile(join(dir, 'profile.yaml'), profileManifestSchema, errors);
  if (manifest === null) return err(errors);
  const paths = manifest.value.paths;
  const [codeSets, templates, calendar] = await Promise.all([
    loadFolder(join(dir, paths.codeSets), codeSetSchema, errors),
    loadFolder(join(dir, paths.templates), templateSchema, errors),
    loadFile(join(dir, paths.calendar), calendarSchema, errors),
  ]);
  if (errors.length > 0 || calendar === null) return err(sortErrors(errors));
  errors.push(
    ...checkFileIds(codeSets),
    ...checkFileIds(templates),
    ...checkTemplates(templates, codeSets),
    ...checkCalendar(calendar, new Set(templates.map((t) => t.value.id))),
  );
  if (errors.length > 0) return err(sortErrors(errors));
  return ok({
    manifest: manifest.value,
    codeSets: codeSets.map((s) => s.value),
    templates: templates.map((t) => t.value).sort((a, b) => a.order - b.order),
    calendar: calendar.value,
  });
}

// Files load concurrently; sort so the report reads top to bottom and tests are deterministic.
function sortErrors(errors: ProfileError[]): ProfileError[] {
  return errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/**
 * The upload half of `import-large.bench.ts` as its own process, started with the launcher's runtime flags, so
 * the peak RSS it prints is the import's alone (the parent holds the generated state and the registry).
 * Prints one JSON line (`TimedUpload`).
 *
 *   node bench/import-large-child.ts --database URL --file F --district NNNN --school-year YYYY
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { loadProfile } from '../apps/server/src/modules/profile/profile.loader.ts';
import { timedUpload } from './import-large-upload.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    file: { type: 'string' },
    district: { type: 'string' },
    'school-year': { type: 'string' },
  },
});
const loaded = await loadProfile(resolve(import.meta.dirname, '../profiles/montana'));
if (!loaded.ok) throw new Error('profile does not load');
const database = await openDatabase(values.database ?? '');
try {
  const r = await timedUpload(
    database,
    loaded.value,
    values.file ?? '',
    values.district ?? '',
    Number(values['school-year']),
  );
  console.log(JSON.stringify(r));
} finally {
  await database.close();
}

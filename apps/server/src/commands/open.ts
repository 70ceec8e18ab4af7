/** Opening the configured database with errors a user can act on. */
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { CliError } from './cli-error.ts';

/** Opens the database or throws a one-line CliError saying what to check. */
export async function openOrExplain(target: string): Promise<Database> {
  try {
    return await openDatabase(target);
  } catch (e) {
    const x = e as { code?: string; message?: string };
    if (/^postgres/i.test(target)) {
      const why =
        x.code === 'ECONNREFUSED'
          ? 'connection refused'
          : x.code === '3D000'
            ? 'database does not exist'
            : (x.message ?? String(e));
      throw new CliError(
        `cannot reach PostgreSQL at ${target.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')}: ${why}. Check that the server runs and the URL in --database or BITTERROOT_DATABASE is right.`,
      );
    }
    if (x.code === 'ENOSPC')
      throw new CliError(`disk full while opening ${target}; free some space and run again.`);
    throw new CliError(
      `cannot open the embedded database in ${target}: ${x.message ?? String(e)}. Is another Bitterroot using it? Stop it or pass --database DIR.`,
    );
  }
}

/** Applies migrations; a modified frozen migration stops with a clear message. */
export async function migrateOrExplain(database: Database): Promise<number[]> {
  const outcome = await migrateToLatest(database.db);
  if (outcome.kind === 'modified')
    throw new CliError(
      `migration ${String(outcome.version).padStart(4, '0')}_${outcome.name} changed after it was applied; migrations are frozen: restore it and add a new migration instead.`,
    );
  return outcome.applied;
}

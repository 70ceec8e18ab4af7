/** `./bitterroot serve`: the web server on an existing database. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '../http/app.ts';
import { loadConfig, repoRoot, type Config } from '../platform/config.ts';
import type { Database } from '../db/database.ts';
import { CliError } from './cli-error.ts';
import { loadProfileOrExplain } from './init.ts';
import { loadMatchSettings } from '../modules/ingestion/identity-matching.ts';
import { parseFlags } from './flags.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';
import { startNightly } from './nightly.ts';

/** Where the built web app lives. */
export const webDist = resolve(repoRoot, 'apps/web/dist');

/**
 * Starts listening, and the nightly validation and scoring when enabled; a taken port becomes a one-line error.
 * `close` stops the nightly timer (waiting for a run in progress) before the server.
 */
export async function startServer(
  database: Database,
  config: Config,
): Promise<{ url: string; close: () => Promise<void> }> {
  const profile = await loadProfileOrExplain(config.profileDir);
  const app = await buildApp({
    profile,
    matching: await loadMatchSettings(config.profileDir),
    database,
    schoolYear: config.schoolYear,
    publicUrl: config.publicUrl,
    webDist: existsSync(webDist) ? webDist : undefined,
    logLevel: process.env.BITTERROOT_LOG_LEVEL ?? 'warn',
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await app.close();
    if ((e as { code?: string }).code === 'EADDRINUSE')
      throw new CliError(`port ${config.port} is already in use; stop what uses it or pass --port N.`);
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const nightly = startNightly(database, profile, config);
  const close = async () => {
    await nightly?.stop();
    await app.close();
  };
  return { url: `http://${host}:${port}`, close };
}

/** Waits for Ctrl-C or SIGTERM, then closes the server and database. */
export async function runUntilStopped(close: () => Promise<void>): Promise<void> {
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await close();
}

/** CLI entry. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { port: { type: 'string' }, host: { type: 'string' } });
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    port: values.port,
    host: values.host,
  });
  const database = await openOrExplain(config.database);
  await migrateOrExplain(database);
  const district = await database.db.selectFrom('district').select('district_number').executeTakeFirst();
  if (!district) {
    await database.close();
    throw new CliError(
      `the database at ${database.location} has no state yet; run ./bitterroot init (or ./bitterroot demo) first.`,
    );
  }
  const server = await startServer(database, config).catch(async (e: unknown) => {
    await database.close();
    throw e;
  });
  console.log(`Bitterroot is running at ${server.url} (database: ${database.kind}). Press Ctrl-C to stop.`);
  if (config.nightly.enabled)
    console.log(`Nightly validation and early-warning scoring at ${config.nightly.at}.`);
  await runUntilStopped(async () => {
    await server.close();
    await database.close();
  });
  return 0;
}

/**
 * `./bitterroot demo`: init + a synthetic Montana bulk-loaded by COPY + serve, on the embedded database
 * by default. A second run reuses the data; a second demo on the same data directory is refused.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, repoRoot, type Config } from '../platform/config.ts';
import type { Database } from '../db/database.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { initialize } from './init.ts';
import { runBaselineLoad, runDistrictLoad } from './load.ts';
import { openOrExplain } from './open.ts';
import { runUntilStopped, startServer, webDist } from './serve.ts';
import { generateState, type Scale } from './generate.ts';
import { demoAccounts, demoScope, ensureAccounts } from '../modules/access/demo-accounts.ts';

/** Password of every demo account: the demo serves localhost only (decision 0025). */
const DEMO_PASSWORD = 'bitterroot-demo';

async function takeLock(lockFile: string): Promise<() => Promise<void>> {
  await mkdir(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => rm(lockFile, { force: true });
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const pid = Number(await readFile(lockFile, 'utf8').catch(() => '0'));
      if (pid && isAlive(pid))
        throw new CliError(
          `a Bitterroot demo is already running (pid ${pid}) on ${dirname(lockFile)}; stop it first, or pass --database DIR for a separate one.`,
        );
      await rm(lockFile, { force: true }); // stale lock from a process that died
    }
  }
  throw new CliError(`cannot lock ${lockFile}; remove it if no demo is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', (e: { code?: string }) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new CliError(`port ${port} is already in use; stop what uses it or pass --port N.`)
          : e,
      ),
    );
    probe.listen(port, host, () => probe.close(() => done()));
  });
}

async function buildWebIfMissing(): Promise<void> {
  if (existsSync(join(webDist, 'index.html'))) return;
  console.log('building the web app (first run only)');
  const code = await new Promise<number>((done) => {
    const child = spawn(
      resolve(repoRoot, 'node_modules/.bin/vite'),
      ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    child.on('exit', (c) => done(c ?? 1));
  });
  if (code !== 0) throw new CliError('building the web app failed; see the messages above.');
}

async function loadSyntheticState(
  database: Database,
  config: Config,
  scale: Scale,
  dataRoot: string,
): Promise<void> {
  const students = await database.db
    .selectFrom('enrollment')
    .select('id')
    .where('school_year', '=', config.schoolYear)
    .limit(1)
    .executeTakeFirst();
  if (students) {
    console.log('reusing the state already loaded');
    return;
  }
  const dir = join(dataRoot, 'generated', `${scale}-${config.schoolYear}`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`generating a synthetic ${scale} state for ${config.schoolYear}`);
    await generateState({
      scale,
      schoolYear: config.schoolYear,
      outDir: dir,
      seed: 1,
      historyYears: 3,
      defectRate: 0,
    });
  }
  const started = performance.now();
  console.log('bulk-loading the state (COPY)');
  await runBaselineLoad(database, config, dir);
  const summary = await runDistrictLoad(database, config, dir, started);
  console.log(
    `loaded in ${((performance.now() - started) / 1000).toFixed(1)} s (${summary.enrollments ?? 0} enrollments this year)`,
  );
}

/** CLI entry. */
export async function demo(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    scale: { type: 'string' },
  });
  const scale = (values.scale ?? 'montana') as Scale;
  if (scale !== 'small' && scale !== 'montana')
    throw new CliError(`--scale must be small or montana (got ${values.scale})`);
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    port: values.port,
    host: values.host,
    profile: values.profile,
  });
  const embedded = !/^postgres/i.test(config.database);
  const dataRoot = embedded ? dirname(config.database) : resolve('.data');
  const unlock = embedded ? await takeLock(join(dataRoot, 'demo.lock')) : async () => undefined;
  try {
    await assertPortFree(config.port, config.host);
    const started = performance.now();
    const database = await openOrExplain(config.database);
    try {
      await initialize(database, config.profileDir, config.schoolYear);
      await loadSyntheticState(database, config, scale, dataRoot);
      const accounts = demoAccounts(await demoScope(database, config.schoolYear));
      await ensureAccounts(database, accounts, DEMO_PASSWORD);
      await buildWebIfMissing();
      const server = await startServer(database, config);
      console.log(
        `\nBitterroot demo ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${server.url}`,
      );
      console.log(`Sign in with any of these (password "${DEMO_PASSWORD}"):`);
      for (const a of accounts) console.log(`  ${a.grant.role.padEnd(17)} ${a.email}`);
      console.log('Press Ctrl-C to stop.');
      await runUntilStopped(server.close);
    } finally {
      await database.close();
    }
    return 0;
  } finally {
    await unlock();
  }
}

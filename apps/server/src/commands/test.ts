/**
 * `./bitterroot test`: format, lint and type checks, then every test: unit, database tests on PGlite
 * and (when a server is reachable) PostgreSQL, and browser tests in Chromium. Says what it skips and
 * why; BITTERROOT_REQUIRE_POSTGRES=1 and BITTERROOT_REQUIRE_BROWSER=1 turn a skip into a failure.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../platform/config.ts';
import { parseFlags } from './flags.ts';

const bin = (name: string) => resolve(repoRoot, 'node_modules/.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', () => done(1));
  });
}

async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The Chromium the browser tests drive. */
export function chromiumPath(): string {
  return process.env.BITTERROOT_CHROMIUM ?? '/usr/bin/chromium';
}

/** CLI entry. */
export async function test(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { 'no-static': { type: 'boolean' }, project: { type: 'string', multiple: true } },
    true,
  );
  const projects = values.project ?? ['unit', 'db-pglite', 'db-postgres', 'e2e'];
  const url = process.env.BITTERROOT_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redacted = url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
  const selected = new Set(projects);

  if (selected.has('db-postgres')) {
    const problem = await postgresReachable(url);
    if (problem) {
      if (process.env.BITTERROOT_REQUIRE_POSTGRES === '1') {
        console.error(
          `bitterroot test: PostgreSQL is required (BITTERROOT_REQUIRE_POSTGRES=1) but ${redacted} is not reachable: ${problem}`,
        );
        return 1;
      }
      console.warn(
        `bitterroot test: SKIPPING PostgreSQL tests: ${redacted} is not reachable (${problem}). Set BITTERROOT_TEST_POSTGRES to a server URL to run them.`,
      );
      selected.delete('db-postgres');
    } else console.log(`bitterroot test: PostgreSQL tests run against ${redacted}`);
  }
  if (selected.has('e2e') && !existsSync(chromiumPath())) {
    if (process.env.BITTERROOT_REQUIRE_BROWSER === '1') {
      console.error(
        `bitterroot test: a browser is required (BITTERROOT_REQUIRE_BROWSER=1) but ${chromiumPath()} does not exist; install Debian's chromium package.`,
      );
      return 1;
    }
    console.warn(
      `bitterroot test: SKIPPING browser tests: no Chromium at ${chromiumPath()} (install Debian's chromium package or set BITTERROOT_CHROMIUM).`,
    );
    selected.delete('e2e');
  }

  if (!values['no-static']) {
    for (const [label, cmd, cmdArgs] of [
      ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
      ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
      ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    ] as const) {
      console.log(`bitterroot test: ${label}`);
      const code = await run(cmd, [...cmdArgs]);
      if (code !== 0) {
        console.error(`bitterroot test: ${label} failed`);
        return code;
      }
    }
  }
  if (selected.has('e2e')) {
    console.log('bitterroot test: building the web app for browser tests');
    const code = await run(bin('vite'), [
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'warn',
    ]);
    if (code !== 0) return code;
  }
  const vitestArgs = ['run', ...[...selected].flatMap((p) => ['--project', p]), ...positionals];
  return await run(bin('vitest'), vitestArgs, {
    ...process.env,
    BITTERROOT_TEST_POSTGRES: url,
    ...(selected.has('e2e') ? { BITTERROOT_WEB_BUILT: '1' } : {}),
  });
}

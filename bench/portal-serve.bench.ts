/**
 * Portal single-record reads under open-loop load, the way the product runs (issue 9: p99 < 10 ms at 500
 * requests/s on 2 cores): the server is its own process started by the launcher (`./bitterroot serve`), the load
 * generator (`load-client.ts`) another, both on loopback. Each single-record read the portal serves, at the full
 * rate, one after the other: `session` (`GET /api/v1/session`: authentication plus the caller's account),
 * `lookup` (`GET /api/v1/districts/{d}/state-id-lookup`: one indexed read and its audit event in one statement),
 * `record` (`GET /api/v1/districts/{d}/students/{id}`: the record page, audited) and `row` (one stored row of a
 * record type, `GET /api/v1/districts/{d}/stored-rows/student-enrollment?q={state ID}&limit=1`). The last lines
 * print p50/p99 per read over all runs.
 *
 *   node bench/portal-serve.bench.ts [--scale small] [--backend postgres|pglite] [--postgres URL] [--keep NAME]
 *     [--rate 500] [--seconds 10] [--runs 1] [--node-flags="--max-semi-space-size=..."] [--gc-trace FILE]
 *
 * `--keep NAME` loads the state into PostgreSQL database NAME once and reuses it on later runs (not dropped).
 * `--only session,lookup,record,row` runs the named loads only; `--rate-of record=100,row=20` sets their own rates.
 * `--node-flags` starts the server with `node FLAGS cli.ts serve` instead of the launcher (for A/B of V8 flags).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/db/database.ts';
import { createTestUser, sessionHeaders } from '../apps/server/test/test-users.ts';
import { BENCH_YEAR, generatedState, loadGeneratedState, percentile, PROFILE_DIR } from './bench-state.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    backend: { type: 'string', default: 'postgres' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    keep: { type: 'string' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '1' },
    'node-flags': { type: 'string' },
    'gc-trace': { type: 'string' },
    only: { type: 'string' },
    'rate-of': { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '..');
const ms = (x: number) => `${x.toFixed(2)} ms`;
/** The machine's 1-, 5- and 15-minute load averages, printed beside the timings. */
const loadAverage = async () =>
  (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ');

/** A PostgreSQL database (fresh, or kept by name) or a PGlite folder holding the loaded state. */
async function preparedTarget(): Promise<{ target: string; drop: () => Promise<void>; fresh: boolean }> {
  if (values.backend === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'bitterroot-portal-'));
    return { target: dir, drop: () => rm(dir, { recursive: true, force: true }), fresh: true };
  }
  const name = values.keep ?? `bitterroot_portal_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.postgres });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(values.postgres!);
  u.pathname = `/${name}`;
  const drop = async () => {
    if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  return { target: u.toString(), drop, fresh: exists.rowCount === 0 };
}

/** Loads the state when fresh; signs in a steward of the largest district; picks 200 of its students. */
async function prepare(database: Database, fresh: boolean) {
  if (fresh) await loadGeneratedState(database, await generatedState(values.scale as 'small' | 'montana'));
  const largest = await sql<{ d: string }>`
    SELECT district_number AS d FROM enrollment WHERE school_year = ${BENCH_YEAR}
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(database.db);
  const d = largest.rows[0]!.d;
  const user = await createTestUser(database, `bench.steward.${d}@bench.test`, [
    { role: 'district-steward', districtNumber: d, schoolNumber: null },
  ]);
  const headers = await sessionHeaders(database, user, 24);
  const sample = await sql<{ id: number; sid: string; last: string; first: string; birth: string }>`
    SELECT DISTINCT ON (s.id) s.id, s.state_id AS sid, s.last_name AS last, s.first_name AS first,
      to_char(s.birth_date, 'YYYY-MM-DD') AS birth
    FROM enrollment e JOIN student s ON s.id = e.student_id
    WHERE e.school_year = ${BENCH_YEAR} AND e.district_number = ${d} AND s.birth_date IS NOT NULL
    ORDER BY s.id LIMIT 200`.execute(database.db);
  const lookups = sample.rows.map(
    (r) =>
      `/api/v1/districts/${d}/state-id-lookup?${new URLSearchParams({ lastName: r.last, firstName: r.first, birthDate: r.birth })}`,
  );
  const records = sample.rows.map((r) => `/api/v1/districts/${d}/students/${r.id}`);
  const rows = sample.rows.map(
    (r) =>
      `/api/v1/districts/${d}/stored-rows/student-enrollment?${new URLSearchParams({ q: r.sid, limit: '1' })}`,
  );
  return { headers, lookups, records, rows, district: d };
}

/** The server's own numbers from `server-probe.ts` (garbage collection, event-loop delay, CPU). */
type Probe = Record<string, number>;

/**
 * Starts `./bitterroot serve` (or node with the given flags) with the probe loaded; resolves with its base URL,
 * `probe()` (the server's numbers since the previous call) and `stop()`.
 */
function startServer(
  target: string,
): Promise<{ base: string; probe: () => Promise<Probe>; stop: () => Promise<void> }> {
  const serveArgs = ['serve', '--database', target, '--port', '0', '--school-year', String(BENCH_YEAR)];
  const flags = values['node-flags']?.split(/\s+/).filter(Boolean);
  const gcTrace = values['gc-trace'];
  const [cmd, args] = flags
    ? [
        process.execPath,
        [
          ...flags,
          ...(gcTrace ? ['--trace-gc'] : []),
          join(root, 'apps/server/src/entry/cli.ts'),
          ...serveArgs,
        ],
      ]
    : [join(root, 'bitterroot'), serveArgs];
  const probeModule = join(root, 'bench/server-probe.ts');
  const child = spawn(cmd, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probeModule}`.trim(),
      BITTERROOT_NIGHTLY: 'off',
      BITTERROOT_PROFILE: PROFILE_DIR,
      BITTERROOT_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const trace = gcTrace ? createWriteStream(gcTrace) : undefined;
  const waiting: ((p: Probe) => void)[] = [];
  let errText = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errText += chunk.toString();
    let nl: number;
    while ((nl = errText.indexOf('\n')) >= 0) {
      const line = errText.slice(0, nl);
      errText = errText.slice(nl + 1);
      if (line.startsWith('probe ')) waiting.shift()?.(JSON.parse(line.slice(6)) as Probe);
      else process.stderr.write(`${line}\n`);
    }
  });
  const probe = () =>
    new Promise<Probe>((r) => {
      waiting.push(r);
      child.kill('SIGUSR2');
    });
  return new Promise((done, fail) => {
    let seen = '';
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      trace?.write(chunk);
      if (started) return;
      seen += chunk.toString();
      const m = /running at (http:\/\/\S+?:\d+)/.exec(seen);
      if (!m) return;
      started = true;
      const base = m[1]!.replace('localhost', '127.0.0.1');
      const stop = () =>
        new Promise<void>((r) => {
          child.once('exit', () => r());
          child.kill('SIGTERM');
        });
      done({ base, probe, stop });
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening`)));
  });
}

type LoadResult = {
  latencies: number[];
  fromSend: number[];
  sendDelays: number[];
  errors: number;
  achieved: number;
};

/** The requests per second of one load: its `--rate-of` entry, else `--rate`. */
const rateOf = (key: string): number =>
  Number(
    values['rate-of']
      ?.split(',')
      .map((kv) => kv.split('='))
      .find(([k]) => k === key)?.[1] ?? values.rate,
  );

/** Runs the load generator as its own process. */
function openLoop(urls: string[], headers: Record<string, string>, rate: number): Promise<LoadResult> {
  const job = { urls, headers, rate, seconds: Number(values.seconds), warmup: 2 };
  const child = spawn(process.execPath, [join(root, 'bench/load-client.ts'), JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0 ? done(JSON.parse(out) as LoadResult) : fail(new Error(`load client ${code}`)),
    ),
  );
}

const { target, drop, fresh } = await preparedTarget();
try {
  const database = await openDatabase(target);
  const { headers, lookups, records, rows, district } = await prepare(database, fresh);
  // The server opens the database itself (PGlite allows one process at a time).
  await database.close();
  const server = await startServer(target);
  try {
    const loads: [string, string, string[]][] = [
      ['session', 'session reads (GET /api/v1/session)', ['/api/v1/session']],
      ['lookup', `state-ID lookups of one student (district ${district}, 200 students)`, lookups],
      ['record', `record pages of one student (district ${district}, 200 students)`, records],
      ['row', `stored enrollment row of one student (district ${district}, 200 students)`, rows],
    ];
    const only = values.only?.split(',');
    const chosen = loads.filter(([key]) => !only || only.includes(key));
    const all = new Map<string, number[]>();
    const rates = new Map<string, number>();
    for (let run = 1; run <= Number(values.runs); run++)
      for (const [key, name, paths] of chosen) {
        const rate = rateOf(key);
        const loading = openLoop(
          paths.map((p) => server.base + p),
          headers,
          rate,
        );
        // The server's numbers cover the recorded seconds only (the client warms up for 2 s first).
        await new Promise((r) => setTimeout(r, 2000));
        await server.probe();
        const r = await loading;
        const own = await server.probe();
        const xs = r.latencies;
        all.set(key, [...(all.get(key) ?? []), ...xs]);
        rates.set(key, rate);
        console.log(
          `${values.backend} run ${run}: ${name} at ${rate}/s for ${values.seconds} s (achieved ${r.achieved.toFixed(0)}/s, ${r.errors} errors): ` +
            `p50 ${ms(percentile(xs, 0.5))}, p95 ${ms(percentile(xs, 0.95))}, p99 ${ms(percentile(xs, 0.99))}, max ${ms(Math.max(...xs))}; ` +
            `client send delay p99 ${ms(percentile(r.sendDelays, 0.99))}`,
        );
        const ys = r.fromSend;
        console.log(
          `  from send: p50 ${ms(percentile(ys, 0.5))}, p95 ${ms(percentile(ys, 0.95))}, p99 ${ms(percentile(ys, 0.99))}`,
        );
        console.log(`  server: ${JSON.stringify(own)}`);
      }
    console.log(`summary over ${values.runs} run(s), load average ${await loadAverage()}:`);
    for (const [key, xs] of all)
      console.log(
        `  ${key.padEnd(8)} at ${rates.get(key)}/s: p50 ${ms(percentile(xs, 0.5))}, p99 ${ms(percentile(xs, 0.99))}`,
      );
  } finally {
    await server.stop();
  }
} finally {
  await drop();
}

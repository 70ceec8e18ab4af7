/**
 * Portal benchmark (issue 9): on a Montana-scale state bulk-loaded like the demo, over real HTTP on loopback,
 * times statewide student search by name prefix, the student record page, and an open-loop load of
 * single-record reads at a fixed rate. Targets: search < 100 ms; record page < 200 ms server time;
 * p99 < 10 ms for single-record reads at 500 requests/s on 2 cores.
 *
 *   node bench/portal.bench.ts [--scale montana] [--backend postgres|pglite|both] [--postgres URL] [--dir DIR]
 *     [--rate 500] [--seconds 10] [--session-only]
 *
 * `--session-only` times just the authenticated request path: 2,000 sequential `GET /api/v1/session` with the
 * session cache (decision 0067) on and off, in the same run, then the open-loop load with the cache on.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/database.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { DEFAULT_ACCESS_SETTINGS } from '../apps/server/src/modules/access/access.service.ts';
import { createTestUser, sessionHeaders } from '../apps/server/test/test-users.ts';
import { onEachBackend } from './backends.ts';
import { benchProfile, BENCH_YEAR, generatedState, loadGeneratedState, percentile } from './bench-state.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'montana' },
    backend: { type: 'string', default: 'both' },
    postgres: { type: 'string' },
    dir: { type: 'string' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    'session-only': { type: 'boolean', default: false },
  },
});
const scale = values.scale as 'small' | 'montana';
const year = BENCH_YEAR;
const dir = await generatedState(scale, values.dir);
const profile = await benchProfile();

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

/** Runs the open-loop load generator (`load-worker.ts`) in a worker thread and waits for its numbers. */
function openLoop(urls: string[], headers: Record<string, string>, rate: number, seconds: number) {
  return new Promise<{ latencies: number[]; errors: number; achieved: number }>((done, fail) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
      workerData: { urls, headers, rate, seconds, warmup: 2 },
    });
    worker.once('message', done);
    worker.once('error', fail);
  });
}

/** Sequential authenticated reads against an app with the session cache on or off (same database, same run). */
async function sessionPath(database: Database, headers: Record<string, string>): Promise<void> {
  for (const cacheMs of [DEFAULT_ACCESS_SETTINGS.sessionCacheMs, 0]) {
    const app = await buildApp({
      database,
      profile: profile,
      schoolYear: year,
      logLevel: 'error',
      access: { ...DEFAULT_ACCESS_SETTINGS, sessionCacheMs: cacheMs },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/session`;
    try {
      for (let i = 0; i < 200; i++) await timed(url, headers);
      const xs: number[] = [];
      for (let i = 0; i < 2000; i++) xs.push(await timed(url, headers));
      console.log(
        `${database.kind.padEnd(8)} session reads, sequential, cache ${cacheMs ? `${cacheMs} ms` : 'off'}: p50 ${ms(percentile(xs, 0.5))}, p99 ${ms(percentile(xs, 0.99))}`,
      );
    } finally {
      await app.close();
    }
  }
}

/** Statewide name-prefix searches and record pages, one at a time. */
async function searchesAndPages(
  database: Database,
  base: string,
  rows: { id: number; d: string; last: string }[],
  headers: Record<string, string>,
): Promise<void> {
  const searches: number[] = [];
  const pages: number[] = [];
  for (const r of rows)
    searches.push(await timed(`${base}/api/v1/students?q=${encodeURIComponent(r.last)}`, headers));
  for (const r of rows) pages.push(await timed(`${base}/api/v1/districts/${r.d}/students/${r.id}`, headers));
  console.log(
    `${database.kind.padEnd(8)} statewide name search (200 prefixes): median ${ms(percentile(searches, 0.5))}, p95 ${ms(percentile(searches, 0.95))}`,
  );
  console.log(
    `${database.kind.padEnd(8)} student record page (200 students): median ${ms(percentile(pages, 0.5))}, p95 ${ms(percentile(pages, 0.95))}`,
  );
}

async function measure(database: Database): Promise<void> {
  await loadGeneratedState(database, dir);
  const staff = await createTestUser(database, 'bench.staff@bench.test', [
    { role: 'state-staff', districtNumber: null, schoolNumber: null },
  ]);
  const headers = await sessionHeaders(database, staff);
  if (values['session-only']) await sessionPath(database, headers);
  const app = await buildApp({
    database,
    profile: profile,
    schoolYear: year,
    logLevel: 'error',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const sample = await sql<{ id: number; d: string; last: string }>`
      SELECT e.student_id::int AS id, e.district_number AS d, lower(left(s.last_name, 4)) AS last
      FROM enrollment e JOIN student s ON s.id = e.student_id
      WHERE e.school_year = ${year} ORDER BY md5(e.id::text) LIMIT 200`.execute(database.db);
    if (!values['session-only']) await searchesAndPages(database, base, sample.rows, headers);
    const rate = Number(values.rate);
    const seconds = Number(values.seconds);
    // Single-record reads: the signed-in user's session (authentication plus one record), and the student
    // record page (five reads and one audit insert) at a fifth of the rate.
    const loads: [string, string[], number][] = [['session reads', [`${base}/api/v1/session`], rate]];
    if (!values['session-only'])
      loads.push([
        'student record pages',
        sample.rows.map((r) => `${base}/api/v1/districts/${r.d}/students/${r.id}`),
        Math.round(rate / 5),
      ]);
    for (const [name, urls, r] of loads) {
      const load = await openLoop(urls, headers, r, seconds);
      console.log(
        `${database.kind.padEnd(8)} ${name} at ${r}/s for ${seconds} s (achieved ${load.achieved.toFixed(0)}/s, ${load.errors} errors): ` +
          `p50 ${ms(percentile(load.latencies, 0.5))}, p99 ${ms(percentile(load.latencies, 0.99))}`,
      );
    }
  } finally {
    await app.close();
  }
}

await onEachBackend({ backend: values.backend, postgres: values.postgres }, measure);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { repoRoot } from '../platform/config.ts';
import { openDatabase } from '../db/database.ts';

const cli = resolve(repoRoot, 'apps/server/src/entry/cli.ts');

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: work,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bitterroot-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('./bitterroot init', () => {
  it('creates the state once and changes nothing on a second run', async () => {
    const first = await run(['init', '--database', join(work, 'db'), '--school-year', '2026']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/397 districts, \d+ schools, \d+ calendars for 2026; migrations applied: 1/);
    const second = await run(['init', '--database', join(work, 'db'), '--school-year', '2026']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('migrations applied: none (up to date)');
    const stats = await run(['stats', '--database', join(work, 'db'), '--school-year', '2026', '--json']);
    expect(JSON.parse(stats.stdout)).toEqual({ schoolYear: 2026, districts: [] });
  });

  it('names file, line and field of a broken profile, exits non-zero and creates nothing', async () => {
    const profile = join(work, 'broken-profile');
    await cp(resolve(repoRoot, 'profiles/montana'), profile, { recursive: true });
    const file = join(profile, 'templates/student-enrollment.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('type: date', 'type: datum'));
    const r = await run(['init', '--database', join(work, 'never'), '--profile', profile]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/student-enrollment\.yaml:\d+ columns\[\d+\]\.type/);
  });

  it('explains an unreachable PostgreSQL URL in one line', async () => {
    const r = await run(['init', '--database', 'postgres://nobody:secret@127.0.0.1:1/none']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^bitterroot: cannot reach PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown command and unknown options', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const r = await run(['init', '--frob']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Unknown option '--frob'");
  });
});

describe('a load killed with SIGKILL', () => {
  it('leaves the database exactly as before', async () => {
    const db = join(work, 'killed');
    const files = join(work, 'generated');
    expect(
      (await run(['generate', '--scale', 'small', '--out', files, '--history', '3', '--school-year', '2026']))
        .code,
    ).toBe(0);
    expect((await run(['init', '--database', db, '--school-year', '2026'])).code).toBe(0);
    const child = spawn(
      process.execPath,
      [cli, 'load-baseline', files, '--database', db, '--school-year', '2026'],
      { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Kill as soon as the load is inside its transaction and writing history rows.
    let output = '';
    await new Promise<void>((done) => {
      child.on('exit', () => done());
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        if (d.toString().includes('history')) {
          child.kill('SIGKILL');
          done();
        }
      });
    });
    if (child.exitCode === null) await new Promise((r) => child.on('exit', r));
    expect(child.signalCode, `the load ended before it could be killed:\n${output}`).toBe('SIGKILL');
    const stats = await run(['stats', '--database', db, '--school-year', '2025', '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).districts).toEqual([]);
    // And the same load then runs to completion on the recovered database.
    const again = await run(['load-baseline', files, '--database', db, '--school-year', '2026']);
    expect(again.code).toBe(0);
    const after = JSON.parse(
      (await run(['stats', '--database', db, '--school-year', '2025', '--json'])).stdout,
    ) as { districts: { counts: { students: number } }[] };
    expect(after.districts.reduce((n, d) => n + d.counts.students, 0)).toBeGreaterThan(1000);
  });
});

describe('./bitterroot import', () => {
  it('prints the JSON outcome, exits 1 when rejected and 2 on usage errors', async () => {
    const db = join(work, 'import-json');
    expect((await run(['init', '--database', db, '--school-year', '2026'])).code).toBe(0);
    const file = join(work, 'bad-sd.tsv');
    await writeFile(
      file,
      'HD\t08/28/2025\t10:00:00\tMT9.1\nSD\t0002\t\t1\tDoe\tJo\t\t\tF\t02/30/2014\tN\t6\n',
    );
    const r = await run([
      'import',
      file,
      '--district',
      '0001',
      '--database',
      db,
      '--school-year',
      '2026',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & {
      findings: { code: string; line: number }[];
    };
    expect(out).toMatchObject({
      template: 'student-demographics',
      district: '0001',
      rows: 1,
      accepted: 0,
      rejected: 1,
      committed: false,
    });
    expect(out.findings.map((f) => `${f.line}:${f.code}`).sort()).toEqual(['2:FLD-DATE', '2:ROW-DISTRICT']);
    expect((await run(['import', '--database', db])).code).toBe(2);
    expect((await run(['import', join(work, 'no-such-file.tsv'), '--database', db])).code).toBe(2);
  });
});

describe('an import killed with SIGKILL at any moment', () => {
  // Natural-key fingerprint of the live tables (no ids, timestamps or sequence-drawn state IDs, which a
  // killed attempt may legitimately consume).
  async function fingerprint(dbDir: string): Promise<string> {
    const database = await openDatabase(dbDir);
    try {
      const r = await sql<{ f: string }>`
        SELECT md5(coalesce((SELECT string_agg(k, '|' ORDER BY k) FROM (
          SELECT 's:' || last_name || ',' || first_name || ',' || coalesce(birth_date::text, '') AS k FROM student
          UNION ALL SELECT 'l:' || district_number || ',' || coalesce(local_id, '') FROM student_district
          UNION ALL SELECT 'e:' || s.last_name || ',' || e.school_number || ',' || e.grade_level || ',' || e.start_date
            FROM enrollment e JOIN student s ON s.id = e.student_id) x), '')) AS f`.execute(database.db);
      return r.rows[0]!.f;
    } finally {
      await database.close();
    }
  }

  it('leaves the live tables as before or fully committed, never in between', async () => {
    const files = join(work, 'gen-import');
    const db = join(work, 'import-kill');
    expect(
      (await run(['generate', '--scale', 'small', '--out', files, '--school-year', '2026', '--seed', '3']))
        .code,
    ).toBe(0);
    expect((await run(['load-baseline', files, '--database', db, '--school-year', '2026'])).code).toBe(0);
    const file = join(files, 'districts', '0059', 'student-demographics.tsv');
    const before = await fingerprint(db);
    const copy = join(work, 'import-complete');
    await cp(db, copy, { recursive: true });
    expect((await run(['import', file, '--database', copy, '--school-year', '2026'])).code).toBe(0);
    const after = await fingerprint(copy);
    expect(after).not.toBe(before);
    const seen = new Set<string>();
    // Kill at a known phase (the CLI reports phases with --progress) plus an offset, so that some kills land
    // inside the commit itself, whatever the machine's speed.
    const moments = [
      ['validating', 0],
      ['committing', 0],
      ['committing', 25],
      ['committing', 75],
      ['committing', 200],
    ] as const;
    for (const [phase, offset] of moments) {
      const child = spawn(
        process.execPath,
        [cli, 'import', file, '--database', db, '--school-year', '2026', '--progress'],
        { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const exited = new Promise((r) => child.on('exit', r));
      const reached = new Promise<void>((r) => {
        child.stderr.on('data', (d: Buffer) => {
          if (d.toString().includes(` ${phase} `)) r();
        });
        void exited.then(() => r());
      });
      await reached;
      await new Promise((r) => setTimeout(r, offset));
      child.kill('SIGKILL');
      await exited;
      const now = await fingerprint(db);
      expect([before, after]).toContain(now);
      seen.add(now === before ? 'before' : 'after');
      if (now === after) break;
    }
    expect(seen.has('before')).toBe(true);
  });
});

describe('./bitterroot demo and serve', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((r) => blocker.close(r));
  });

  it('says the port is taken instead of loading anything', async () => {
    const r = await run([
      'demo',
      '--scale',
      'small',
      '--port',
      String(port),
      '--database',
      join(work, 'demo', 'pglite'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`port ${port} is already in use`);
  });

  it('refuses a second demo on the same data directory', async () => {
    await writeFile(join(work, 'demo', 'demo.lock'), String(process.pid));
    const r = await run(['demo', '--scale', 'small', '--database', join(work, 'demo', 'pglite')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`a Bitterroot demo is already running (pid ${process.pid})`);
    await rm(join(work, 'demo', 'demo.lock'));
  });

  it('serve refuses an empty database with what to run first', async () => {
    const r = await run(['serve', '--database', join(work, 'empty')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run ./bitterroot init');
  });
});

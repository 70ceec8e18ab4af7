import { describe, expect, it } from 'vitest';
import { nextRunAt, startDailyJob, type Clock } from './scheduler.ts';

/** A clock tests move by hand: timers fire when `advance` passes their time. */
function fakeClock(start: Date) {
  let now = start.getTime();
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const clock: Clock = {
    now: () => new Date(now),
    setTimer: (run, ms) => {
      ids += 1;
      timers.push({ at: now + ms, run, id: ids });
      return ids;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const t = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!t) break;
      timers = timers.filter((x) => x !== t);
      now = t.at;
      t.run();
      await new Promise((r) => setImmediate(r));
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.length };
}

const local = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi);
const HOUR = 3_600_000;

describe('nextRunAt', () => {
  it('is later today before the time, tomorrow at or after it', () => {
    expect(nextRunAt(local(2026, 12, 2, 1, 30), '02:00')).toEqual(local(2026, 12, 2, 2));
    expect(nextRunAt(local(2026, 12, 2, 2, 0), '02:00')).toEqual(local(2026, 12, 3, 2));
    expect(nextRunAt(local(2026, 12, 31, 23, 0), '02:00')).toEqual(local(2027, 1, 1, 2));
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => nextRunAt(new Date(), '25:00')).toThrow(/HH:MM/);
    expect(() => nextRunAt(new Date(), '2am')).toThrow(/HH:MM/);
  });
});

describe('startDailyJob', () => {
  it('runs once a day at the time, and not after it is stopped', async () => {
    const { clock, advance, pending } = fakeClock(local(2026, 12, 2, 12));
    const runs: string[] = [];
    const job = startDailyJob({
      at: '02:00',
      clock,
      job: async () => {
        runs.push(clock.now().toISOString());
      },
    });
    expect(job.next()).toEqual(local(2026, 12, 3, 2));
    await advance(14 * HOUR);
    expect(runs).toEqual([local(2026, 12, 3, 2).toISOString()]);
    await advance(24 * HOUR);
    expect(runs).toHaveLength(2);
    await job.stop();
    expect(pending()).toBe(0);
    await advance(48 * HOUR);
    expect(runs).toHaveLength(2);
  });

  it('skips a due run while the previous one is still running, and keeps the schedule after a failure', async () => {
    const { clock, advance } = fakeClock(local(2026, 12, 2, 1));
    const outcomes: string[] = [];
    let release: () => void = () => undefined;
    let calls = 0;
    const job = startDailyJob({
      at: '02:00',
      clock,
      onTick: (o) => outcomes.push(o),
      job: async () => {
        calls += 1;
        if (calls === 1) await new Promise<void>((r) => (release = r));
        if (calls === 2) throw new Error('database unavailable');
      },
    });
    await advance(HOUR); // 02:00 on day 1: starts and hangs
    await advance(24 * HOUR); // 02:00 on day 2: day 1's run still going
    expect(outcomes).toEqual(['skipped-overlap']);
    expect(await job.runNow()).toBe('skipped-overlap');
    release();
    await new Promise((r) => setImmediate(r));
    expect(outcomes).toEqual(['skipped-overlap', 'skipped-overlap', 'ran']);
    await advance(24 * HOUR); // day 3: fails
    await advance(24 * HOUR); // day 4: runs again
    expect(outcomes.slice(3)).toEqual(['failed', 'ran']);
    expect(calls).toBe(3);
    await job.stop();
  });

  it('waits for a run in progress when stopped', async () => {
    const { clock } = fakeClock(local(2026, 12, 2, 1));
    let finished = false;
    const job = startDailyJob({
      at: '02:00',
      clock,
      job: async () => {
        await new Promise((r) => setTimeout(r, 20));
        finished = true;
      },
    });
    void job.runNow();
    await job.stop();
    expect(finished).toBe(true);
  });
});

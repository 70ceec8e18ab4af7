/**
 * An in-process daily scheduler for the server's nightly work (issue 6: nightly validation; decisions 0028 and
 * 0029). One timer at a time, re-armed after each run from the clock, so a sleeping laptop or a clock change
 * moves the next run instead of firing a burst of missed ones. The clock is injected so tests drive time.
 */

/** Time and timers, injected so tests need not wait for the night. */
export type Clock = {
  now(): Date;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
};

/** The real clock. Timers are unref'd so a pending nightly run never keeps a stopping process alive. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimer: (run, ms) => setTimeout(run, ms).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A time of day, `HH:MM` on a 24-hour clock. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The next moment strictly after `now` whose local wall-clock time is `at` (HH:MM), in the server's time zone.
 * Built from local date parts, so a daylight-saving change keeps the run at the same wall-clock time.
 */
export function nextRunAt(now: Date, at: string): Date {
  const m = TIME_OF_DAY.exec(at);
  if (!m) throw new Error(`time of day ${at} is not HH:MM`);
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), Number(m[1]), Number(m[2]));
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

/** What happened to one due run. */
export type TickOutcome = 'ran' | 'failed' | 'skipped-overlap';

/** A started daily job. */
export type DailyJob = {
  /** When the next run is due. */
  next(): Date;
  /** Runs the job now unless a run is in progress (then: skipped, decision 0029). */
  runNow(): Promise<TickOutcome>;
  /** Cancels the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
};

/** Options of a daily job. */
export type DailyJobOptions = {
  /** Local time of day, HH:MM. */
  at: string;
  job: () => Promise<void>;
  clock?: Clock;
  /** Told about every due run (for the log; never given PII). */
  onTick?: (outcome: TickOutcome, error?: unknown) => void;
};

/** Starts a job that runs every day at `at` until stopped; a run never overlaps the previous one. */
export function startDailyJob(options: DailyJobOptions): DailyJob {
  const clock = options.clock ?? systemClock;
  let running: Promise<TickOutcome> | null = null;
  let timer: unknown = null;
  let due = new Date(clock.now().getTime() - 1);
  let stopped = false;

  const runNow = (): Promise<TickOutcome> => {
    if (running) {
      options.onTick?.('skipped-overlap');
      return Promise.resolve('skipped-overlap');
    }
    running = options.job().then(
      () => 'ran' as const,
      (e: unknown) => {
        options.onTick?.('failed', e);
        return 'failed' as const;
      },
    );
    return running.then((outcome) => {
      running = null;
      if (outcome === 'ran') options.onTick?.('ran');
      return outcome;
    });
  };

  const arm = () => {
    if (stopped) return;
    // From the due time at the earliest: a timer firing a little early must not schedule the same run twice.
    due = nextRunAt(new Date(Math.max(clock.now().getTime(), due.getTime())), options.at);
    timer = clock.setTimer(
      () => {
        // Re-arm first: a run longer than a day is skipped at the next due time, not queued behind it.
        arm();
        void runNow();
      },
      Math.max(0, due.getTime() - clock.now().getTime()),
    );
  };
  arm();

  return {
    next: () => due,
    runNow,
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimer(timer);
      await running;
    },
  };
}

/**
 * Loaded into the server process by `portal-serve.bench.ts` (`NODE_OPTIONS=--import=...`): what the server itself
 * spent on garbage collection and how late its event loop ran, numbers that the machine's other load disturbs far
 * less than a client-side p99. SIGUSR2 prints the numbers since the previous SIGUSR2 (one JSON line on stderr,
 * prefixed `probe `) and starts over.
 */
import { writeSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let pauses: { kind: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    pauses.push({ kind: (e as { detail?: { kind?: number } }).detail?.kind ?? 0, ms: e.duration });
}).observe({ entryTypes: ['gc'] });
let since = performance.now();
let cpu = process.cpuUsage();

process.on('SIGUSR2', () => {
  const ms = pauses.map((p) => p.ms).sort((a, b) => a - b);
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - since) / 1000;
  const line = {
    seconds: Number(seconds.toFixed(1)),
    cpuPercent: Number(((used.user + used.system) / 1e4 / seconds).toFixed(1)),
    gcCount: ms.length,
    // kind 1 = scavenge (young generation), 2/4 = mark-compact/incremental marking, 8 = weak callbacks.
    scavenges: pauses.filter((p) => p.kind === 1).length,
    gcTotalMs: Number(ms.reduce((a, b) => a + b, 0).toFixed(1)),
    gcMaxMs: Number((ms.at(-1) ?? 0).toFixed(2)),
    loopDelayP50Ms: Number((loop.percentile(50) / 1e6).toFixed(2)),
    loopDelayP99Ms: Number((loop.percentile(99) / 1e6).toFixed(2)),
    loopDelayMaxMs: Number((loop.max / 1e6).toFixed(2)),
    heapUsedMb: Number((process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)),
    rssMb: Number((process.memoryUsage().rss / 2 ** 20).toFixed(0)),
  };
  writeSync(2, `probe ${JSON.stringify(line)}\n`);
  pauses = [];
  loop.reset();
  since = performance.now();
  cpu = process.cpuUsage();
});

/**
 * Open-loop load generator in its own thread, so the client's work does not share the server's event loop:
 * requests start on schedule whatever the answers do, so queueing shows in the latencies. The first `warmup`
 * seconds run at the same rate but are not recorded: they open the client's connections and warm both sides'
 * compilers, which a server that has been up for a while has long done (the steady state is what is measured).
 */
import { parentPort, workerData } from 'node:worker_threads';

const { urls, headers, rate, seconds, warmup } = workerData as {
  urls: string[];
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  warmup: number;
};
const latencies: number[] = [];
let errors = 0;
const skipped = Math.round(rate * warmup);
const total = skipped + rate * seconds;
const start = performance.now();
let measuredFrom = start;
const inFlight: Promise<void>[] = [];
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  if (i === skipped) measuredFrom = due;
  const recorded = i >= skipped;
  inFlight.push(
    fetch(urls[i % urls.length]!, { headers })
      .then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok && recorded) errors++;
        if (recorded) latencies.push(performance.now() - due);
      })
      .catch(() => void (recorded && errors++)),
  );
}
await Promise.all(inFlight);
parentPort!.postMessage({
  latencies,
  errors,
  achieved: (total - skipped) / ((performance.now() - measuredFrom) / 1000),
});

/**
 * Open-loop load generator in its own thread, so the client's work does not share the server's event loop:
 * requests start on schedule whatever the answers do, so queueing shows in the latencies.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { urls, headers, rate, seconds } = workerData as {
  urls: string[];
  headers: Record<string, string>;
  rate: number;
  seconds: number;
};
const latencies: number[] = [];
let errors = 0;
const total = rate * seconds;
const start = performance.now();
const inFlight: Promise<void>[] = [];
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  inFlight.push(
    fetch(urls[i % urls.length]!, { headers })
      .then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) errors++;
        latencies.push(performance.now() - due);
      })
      .catch(() => void errors++),
  );
}
await Promise.all(inFlight);
parentPort!.postMessage({ latencies, errors, achieved: total / ((performance.now() - start) / 1000) });

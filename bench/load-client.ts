/**
 * Open-loop HTTP load generator run as its own process (issue 9's p99 target), so neither its event loop nor its
 * garbage collector shares anything with the server's. Requests start on schedule whatever the answers do, so
 * queueing shows in the latencies; a latency is counted from when the request was due, not from when it was
 * sent (no coordinated omission). Plain `node:http` with kept-alive sockets: `fetch` allocates far more per
 * request, and a heavy client measures itself. The first `warmup` seconds run at the same rate unrecorded.
 *
 *   node bench/load-client.ts '{"urls":[...],"headers":{...},"rate":500,"seconds":10,"warmup":2}'
 *
 * Prints one JSON line: { latencies, fromSend, sendDelays, errors, achieved }. `latencies` count from when each
 * request was due (the client's own lateness included), `fromSend` from when it was handed to the socket.
 */
import { Agent, request } from 'node:http';

type Job = { urls: string[]; headers: Record<string, string>; rate: number; seconds: number; warmup: number };
const job = JSON.parse(process.argv[2]!) as Job;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const latencies: number[] = [];
const sendDelays: number[] = [];
const fromSend: number[] = [];
let errors = 0;
const skipped = Math.round(job.rate * job.warmup);
const total = skipped + job.rate * job.seconds;

function one(url: string, due: number, recorded: boolean): Promise<void> {
  return new Promise((done) => {
    const sent = performance.now();
    if (recorded) sendDelays.push(sent - due);
    const req = request(url, { agent, headers: job.headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (recorded) {
          latencies.push(performance.now() - due);
          fromSend.push(performance.now() - sent);
          if ((res.statusCode ?? 500) >= 400) errors++;
        }
        done();
      });
    });
    req.on('error', () => {
      if (recorded) errors++;
      done();
    });
    req.end();
  });
}

const start = performance.now() + 5;
let measuredFrom = start;
const inFlight: Promise<void>[] = [];
let i = 0;
// Each wake-up sends every request that has come due, so a late timer shows as latency, not as a lower rate.
while (i < total) {
  const now = performance.now();
  for (; i < total && start + (i * 1000) / job.rate <= now; i++) {
    const due = start + (i * 1000) / job.rate;
    if (i === skipped) measuredFrom = due;
    inFlight.push(one(job.urls[i % job.urls.length]!, due, i >= skipped));
  }
  const next = start + (i * 1000) / job.rate;
  await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
}
await Promise.all(inFlight);
agent.destroy();
process.stdout.write(
  `${JSON.stringify({
    latencies,
    fromSend,
    sendDelays,
    errors,
    achieved: (total - skipped) / ((performance.now() - measuredFrom) / 1000),
  })}\n`,
);

/**
 * Per-address sign-in throttling in memory: a burst of attempts from one client is refused before any password
 * is hashed. Account lockout (in the database) stops slow guessing across addresses.
 */

/** Throttle settings: at most `attempts` per `windowMs` per key. */
export type ThrottleSettings = { attempts: number; windowMs: number };

/** A sliding-window counter keyed by client address. */
export function signInThrottle(settings: ThrottleSettings, now: () => number = Date.now) {
  const hits = new Map<string, number[]>();
  return {
    /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
    attempt(key: string): number {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < settings.windowMs);
      if (recent.length >= settings.attempts) {
        hits.set(key, recent);
        return Math.ceil((settings.windowMs - (t - recent[0]!)) / 1000);
      }
      recent.push(t);
      hits.set(key, recent);
      // Keep the map from growing without bound under a spray of addresses.
      if (hits.size > 10000) for (const k of [...hits.keys()].slice(0, 5000)) hits.delete(k);
      return 0;
    },
    /** Takes back an attempt that succeeded: a shared office address is limited by its failures, not its users. */
    forgive(key: string): void {
      hits.get(key)?.pop();
    },
  };
}

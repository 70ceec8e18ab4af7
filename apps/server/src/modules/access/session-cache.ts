/**
 * A short-lived, in-process cache of live sessions (decision 0067): an authenticated request whose session was
 * checked less than `ttlMs` ago is served without a database round trip. Signing out, a password reset, a
 * deactivation and a grant change forget the affected entries at once in this process; another server process
 * sees such a change within `ttlMs` (its entries simply expire). Keyed by the token's digest, never the token.
 */

/** The cache of one kind of value by session digest. */
export type SessionCache<T> = {
  /** The cached value, or undefined when absent or older than the TTL. */
  get(digest: string): T | undefined;
  /** Remembers a live session's value for the user. */
  set(digest: string, userId: number, value: T): void;
  /** Forgets one session (sign-out). */
  forget(digest: string): void;
  /** Forgets every session of a user (deactivation, grants changed, password reset). */
  forgetUser(userId: number): void;
};

/** Entries kept at most; past it the oldest go first (a Map iterates in insertion order). */
const MAX_ENTRIES = 10_000;

/** A session cache; `ttlMs` 0 turns it off (every request reads the database). */
export function sessionCache<T>(ttlMs: number, now: () => number = Date.now): SessionCache<T> {
  const entries = new Map<string, { at: number; userId: number; value: T }>();
  return {
    get(digest) {
      if (ttlMs <= 0) return undefined;
      const hit = entries.get(digest);
      if (!hit) return undefined;
      if (now() - hit.at < ttlMs) return hit.value;
      entries.delete(digest);
      return undefined;
    },
    set(digest, userId, value) {
      if (ttlMs <= 0) return;
      entries.delete(digest);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(digest, { at: now(), userId, value });
    },
    forget(digest) {
      entries.delete(digest);
    },
    forgetUser(userId) {
      for (const [digest, e] of entries) if (e.userId === userId) entries.delete(digest);
    },
  };
}

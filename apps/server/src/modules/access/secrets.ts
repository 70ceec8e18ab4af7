/** Random secrets and their stored digests: tokens are shown once and kept only as SHA-256. */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new 256-bit random secret, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The digest stored in place of a secret. */
export function digest(secret: string): string {
  // One-shot: every authenticated request digests its session token, and a Hash object per call costs more
  // than the hashing (decision 0073).
  return hash('sha256', secret, 'hex');
}

/** Compares two strings in constant time (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

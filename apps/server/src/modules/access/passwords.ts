/** Password hashing with argon2id (OWASP parameters) and the password rules users are told about. */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet: argon2id with 19 MiB, 2 iterations, 1 lane.
// The library's Algorithm is a const enum, which type stripping cannot inline: 2 is Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask 12 of people handling PII). */
export const MIN_PASSWORD_LENGTH = 12;

/** Hashes a password to a PHC string. */
export async function hashPassword(password: string): Promise<string> {
  return await hash(password, OPTIONS);
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 256) return 'Use at most 256 characters.';
  if (password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()))
    return 'Do not use your e-mail name in the password.';
  return null;
}

// A hash of a random password, verified against when the e-mail is unknown so that sign-in takes as long for
// unknown accounts as for known ones (no account enumeration by timing).
let decoy: Promise<string> | undefined;
/** A stored hash to verify against when no account matches. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-never-matches');
  return decoy;
}

import type { SessionBody } from '@bitterroot/contracts';
import { request, sendJson } from '../../lib/api.ts';

const SESSION = '/api/v1/session';

/**
 * Signs in; resolves with the session (including its CSRF token). ApiError 401 for a wrong e-mail or
 * password, 423 for a locked account, 429 when this address tried too often.
 */
export async function signIn(email: string, password: string): Promise<SessionBody> {
  return await sendJson<SessionBody>('POST', SESSION, { email, password }, { signInOn401: false });
}

/** Who is signed in; ApiError 401 when no one is (the caller decides what to show, no redirect). */
export async function loadSession(signal?: AbortSignal): Promise<SessionBody> {
  return (await (await request(SESSION, {}, { signal, signInOn401: false })).json()) as SessionBody;
}

/** Ends the session on the server (the cookie is cleared by the answer). */
export async function signOut(): Promise<void> {
  await sendJson<void>('DELETE', SESSION, undefined, { signInOn401: false });
}

/** Asks for a password-reset link; the server answers the same whether or not the account exists. */
export async function requestPasswordReset(email: string): Promise<void> {
  await sendJson<unknown>('POST', '/api/v1/password-resets', { email }, { signInOn401: false });
}

/** Sets a new password with a reset token; ApiError 400 for a used or expired token or a weak password. */
export async function completePasswordReset(token: string, password: string): Promise<void> {
  await sendJson<void>(
    'POST',
    '/api/v1/password-resets/complete',
    { token, password },
    { signInOn401: false },
  );
}

import { useSyncExternalStore } from 'react';
import type { SessionBody } from '@bitterroot/contracts';

/**
 * Who is signed in, as the browser knows it: not yet asked, signed out (on purpose, or because the server
 * answered 401), or signed in with the session body, whose CSRF token every write must carry.
 */
export type SessionState =
  | { status: 'unknown' }
  | { status: 'signed-out'; reason: 'sign-out' | 'expired' }
  | { status: 'signed-in'; session: SessionBody };

// One store for the whole app: the API client reads the CSRF token from here outside React, and components
// subscribe through `useSession`. The token lives only in memory: the session cookie is HttpOnly, and a
// reload asks GET /api/v1/session again.
let state: SessionState = { status: 'unknown' };
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The current session state, for code outside React. */
export function getSessionState(): SessionState {
  return state;
}

/** Records a signed-in session (after sign-in or GET /api/v1/session). */
export function setSignedIn(session: SessionBody): void {
  publish({ status: 'signed-in', session });
}

/** Records that no one is signed in: `expired` sends the user to sign in and back, `sign-out` does not. */
export function setSignedOut(reason: 'sign-out' | 'expired'): void {
  if (state.status === 'signed-out' && state.reason === reason) return;
  publish({ status: 'signed-out', reason });
}

/** The CSRF token the server expects in `x-csrf-token` on writes, or null when not signed in. */
export function csrfToken(): string | null {
  return state.status === 'signed-in' ? state.session.csrfToken : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session state, re-rendering the caller whenever it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSessionState);
}

/**
 * Whether the user holds an action anywhere (for showing menus and buttons only: the server decides, per
 * scope, on every request).
 */
export function holds(session: SessionBody, action: string): boolean {
  return session.actions.includes(action);
}

/** The signed-in session inside the signed-in layout (which renders nothing else until there is one). */
export function useSignedInSession(): SessionBody {
  const current = useSession();
  if (current.status !== 'signed-in') throw new Error('useSignedInSession outside the signed-in layout');
  return current.session;
}

import type { GrantBody } from '@bitterroot/contracts';
import { getJson, sendJson, withQuery } from '../../lib/api.ts';

/** An account, as `userSchema` in packages/contracts access.ts (which exports no type for it). */
export interface User {
  id: number;
  email: string;
  displayName: string;
  active: boolean;
  lockedUntil: string | null;
  grants: GrantBody[];
}

/** What the create form sends: the first role, and a password or none (the server e-mails a link). */
export interface NewUser {
  email: string;
  displayName: string;
  password?: string;
  grant: GrantBody;
}

const BASE = '/api/v1/users';

/** Accounts in one district (or the state's list when `district` is null), matching the search. */
export async function listUsers(
  district: string | null,
  search: string,
  signal?: AbortSignal,
): Promise<User[]> {
  const path = withQuery(BASE, { district: district ?? undefined, search: search.trim() || undefined });
  return (await getJson<{ users: User[] }>(path, signal)).users;
}

/** Creates an account with one role; ApiError 403 beyond the caller's roles, 409 for a taken e-mail. */
export async function createUser(user: NewUser): Promise<User> {
  return await sendJson<User>('POST', BASE, user);
}

/** Grants or revokes one role; resolves with the account as it is now. */
export async function changeGrant(id: number, grant: GrantBody, change: 'add' | 'remove'): Promise<User> {
  return await sendJson<User>(change === 'add' ? 'POST' : 'DELETE', `${BASE}/${id}/grants`, grant);
}

/** Deactivates (signs out everywhere) or reactivates an account. */
export async function setActive(id: number, active: boolean): Promise<User> {
  return await sendJson<User>('POST', `${BASE}/${id}/${active ? 'activate' : 'deactivate'}`);
}

import type {
  District,
  DistrictDetail,
  DistrictPage,
  Problem,
  School,
  SchoolPage,
} from '@bitterroot/contracts';
import { csrfToken, setSignedOut } from './session.ts';

/** GET /health response. */
export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
}

/** Filters of the district list endpoint (sorting is done in the browser: the list is small). */
export interface DistrictQuery {
  q?: string;
  level?: District['level'];
}

/** A failed request, carrying the RFC 9457 problem the server sent (or one made up for network failures). */
export class ApiError extends Error {
  /** The problem details shown to the user, including the request id when the server sent one. */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

// The API caps `limit` at 500; pages are fetched until `total` is reached.
const PAGE_SIZE = 500;

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'title' in value && 'status' in value;
}

/** The problem details of a failed response (RFC 9457 body when present, else a generic one). */
async function problemFrom(response: Response): Promise<Problem> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isProblem(body)) return { ...body, requestId: body.requestId ?? requestId };
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall through to a generic problem.
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status} without problem details.`,
    requestId,
  };
}

/** How a request treats a 401: by default it means the session ended, so the app sends the user to sign in. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** False for sign-in itself and the session probe, where 401 is an expected answer. */
  signInOn401?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every API call goes through here: cookies ride along (same origin), writes carry the session's CSRF
 * token, and a 401 marks the session expired so the signed-in layout redirects to the sign-in page.
 */
export async function request(
  path: string,
  init: RequestInit,
  options: RequestOptions = {},
): Promise<Response> {
  const { signal, signInOn401 = true } = options;
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const method = (init.method ?? 'GET').toUpperCase();
  const token = csrfToken();
  if (!SAFE_METHODS.has(method) && token) headers.set('x-csrf-token', token);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(networkProblem(error));
  }
  if (response.status === 401 && signInOn401) setSignedOut('expired');
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return response;
}

/** GETs a JSON resource; throws ApiError on a non-2xx answer or a network failure. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(path, {}, { signal })).json()) as T;
}

/** POSTs a multipart form and reads the JSON answer; throws ApiError on a non-2xx answer or a network failure. */
export async function postForm<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  return (await (await request(path, { method: 'POST', body: form }, { signal })).json()) as T;
}

/**
 * Sends a JSON body (or none) with POST, PUT or DELETE; resolves with the JSON answer, or undefined for
 * 204 No Content. Throws ApiError on a non-2xx answer or a network failure.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const response = await request(path, init, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function networkProblem(error: unknown): Problem {
  return {
    type: 'about:blank',
    title: 'Cannot reach the server',
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** Builds `path?query` from the defined, non-empty parameters. */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

async function getAllPages<T>(
  path: string,
  params: Record<string, string | number | undefined>,
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await getJson<{ items: T[]; total: number }>(
      withQuery(path, { ...params, limit: PAGE_SIZE, offset: items.length }),
      signal,
    );
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/** Every district matching the filters, following pagination. */
export async function listDistricts(query: DistrictQuery = {}, signal?: AbortSignal): Promise<District[]> {
  return await getAllPages<DistrictPage['items'][number]>('/api/v1/districts', { ...query }, signal);
}

/** One district with its record counts; ApiError with status 404 when it does not exist. */
export async function getDistrict(districtNumber: string, signal?: AbortSignal): Promise<DistrictDetail> {
  return await getJson<DistrictDetail>(`/api/v1/districts/${encodeURIComponent(districtNumber)}`, signal);
}

/** Every school of a district, following pagination. */
export async function listSchools(districtNumber: string, signal?: AbortSignal): Promise<School[]> {
  return await getAllPages<SchoolPage['items'][number]>(
    `/api/v1/districts/${encodeURIComponent(districtNumber)}/schools`,
    {},
    signal,
  );
}

/** Server and database health. */
export async function getHealth(signal?: AbortSignal): Promise<Health> {
  return await getJson<Health>('/health', signal);
}

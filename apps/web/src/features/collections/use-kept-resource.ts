import { useRef } from 'react';
import type { Resource } from '../../lib/use-resource.ts';
import { useResource } from '../../lib/use-resource.ts';

/**
 * useResource that keeps showing the last data of the same key while it reloads, so a form that triggered the
 * reload (certify, approve) stays on screen with its message instead of flashing to "Loading…".
 */
export function useKeptResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, () => void] {
  const [resource, reload] = useResource(key, load);
  const kept = useRef<{ key: string; resource: Resource<T> }>({ key, resource });
  if (resource.status !== 'loading' || kept.current.key !== key) kept.current = { key, resource };
  return [kept.current.resource, reload];
}

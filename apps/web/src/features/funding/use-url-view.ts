import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AnbParams } from './anb-params.ts';
import { DEFAULT_ANB_PARAMS, parseAnbParams } from './anb-params.ts';
import type { LineView } from './anb-lines.ts';
import { DEFAULT_LINE_VIEW, parseLineView } from './anb-lines.ts';
import type { StateAnbView } from './state-anb-view.ts';
import { DEFAULT_STATE_VIEW, parseStateView } from './state-anb-view.ts';

/**
 * A view kept in the URL (so figures and filters can be bookmarked and shared) and a setter that writes
 * changes back without adding history entries; defaults stay out of the URL so links are short.
 */
function useUrlView<V extends object>(
  parse: (params: URLSearchParams) => V,
  defaults: V,
): [V, (patch: Partial<V>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parse(params), [params, parse]);
  const update = useCallback(
    (patch: Partial<V>) => {
      setParams(
        () => {
          // The hook's own params lag behind a navigation still rendering (two quick filter changes would
          // drop the first); the address bar already has it.
          const next = new URLSearchParams(window.location.search);
          for (const [key, value] of Object.entries(patch)) {
            if (value === defaults[key as keyof V] || value === null) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaults],
  );
  return [view, update];
}

/** Source, PIR days and year of an ANB page (`?source=certified&pirDays=7`). */
export function useAnbParams(): [AnbParams, (patch: Partial<AnbParams>) => void] {
  return useUrlView(parseAnbParams, DEFAULT_ANB_PARAMS);
}

/** Filters and sort of the per-student table. */
export function useLineView(): [LineView, (patch: Partial<LineView>) => void] {
  return useUrlView(parseLineView, DEFAULT_LINE_VIEW);
}

/** Filters and sort of the statewide table. */
export function useStateView(): [StateAnbView, (patch: Partial<StateAnbView>) => void] {
  return useUrlView(parseStateView, DEFAULT_STATE_VIEW);
}

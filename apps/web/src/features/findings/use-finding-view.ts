import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FindingView } from './finding-view.ts';
import { DEFAULT_FINDING_VIEW, parseFindingView } from './finding-view.ts';

/** The findings view from the URL and a setter that writes changes back without adding history entries. */
export function useFindingView(): [FindingView, (patch: Partial<FindingView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseFindingView(params), [params]);
  const update = useCallback(
    (patch: Partial<FindingView>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            // Defaults stay out of the URL so shared links are short.
            if (value === DEFAULT_FINDING_VIEW[key as keyof FindingView]) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [view, update];
}

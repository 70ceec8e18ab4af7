import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { OutcomeParams } from './outcome-params.ts';
import { DEFAULT_OUTCOME_PARAMS, parseOutcomeParams } from './outcome-params.ts';

/** Source, cohort length and year of an outcome page, kept in the URL so figures can be bookmarked. */
export function useOutcomeParams(): [OutcomeParams, (patch: Partial<OutcomeParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseOutcomeParams(search), [search]);
  const update = useCallback(
    (patch: Partial<OutcomeParams>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === DEFAULT_OUTCOME_PARAMS[key as keyof OutcomeParams])
              next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [params, update];
}

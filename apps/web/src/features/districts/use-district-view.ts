import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DistrictView } from './district-filter.ts';
import { isDistrictLevel, isDistrictSortKey } from './district-filter.ts';

const DEFAULT_VIEW: DistrictView = { q: '', level: '', sort: 'districtNumber', order: 'asc' };

/** Reads the districts table view from the URL (`?q=&level=&sort=&order=`) so it can be shared and bookmarked. */
export function parseDistrictView(params: URLSearchParams): DistrictView {
  const level = params.get('level') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    level: isDistrictLevel(level) ? level : '',
    sort: isDistrictSortKey(sort) ? sort : DEFAULT_VIEW.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The districts table view and a setter that writes changes to the URL without adding history entries. */
export function useDistrictView(): [DistrictView, (patch: Partial<DistrictView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseDistrictView(params), [params]);
  const update = useCallback(
    (patch: Partial<DistrictView>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === DEFAULT_VIEW[key as keyof DistrictView]) next.delete(key);
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

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ReviewView } from './review-view.ts';
import { defaultSort, parseReviewView } from './review-view.ts';

/** The queue table view and a setter that writes changes to the URL without adding history entries. */
export function useReviewView(): [ReviewView, (patch: Partial<ReviewView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseReviewView(params), [params]);
  const update = useCallback(
    (patch: Partial<ReviewView>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          // Open and decided items sort differently by default; a switch starts from that default.
          if (patch.status !== undefined) {
            next.delete('sort');
            next.delete('order');
          }
          const merged = { ...parseReviewView(next), ...patch };
          const defaults = { status: 'open', district: '', q: '', ...defaultSort(merged.status) };
          for (const [key, value] of Object.entries(patch)) {
            if (value === defaults[key as keyof ReviewView]) next.delete(key);
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

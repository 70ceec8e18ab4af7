import { useCallback, useState } from 'react';

// There is no sign-in yet, so the name recorded in the audit trail is typed once and remembered in this
// browser. It is a staff member's name, not student data.
const KEY = 'bitterroot.identity-review.actor';

function stored(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage disabled: staff type their name each time
  }
}

/** The name decisions are recorded under, remembered across visits. */
export function useActor(): [string, (name: string) => void] {
  const [actor, setActor] = useState(stored);
  const update = useCallback((name: string) => {
    setActor(name);
    try {
      localStorage.setItem(KEY, name);
    } catch {
      // Not remembered; the decision still carries the name typed now.
    }
  }, []);
  return [actor, update];
}

import type { IdentityAuditEntry, IdentityReview } from '@bitterroot/contracts';

/** The name fields both sides of a review share. */
export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string | null;
}

/** "Last, First Middle" as a roster lists students. */
export function personName(p: PersonName): string {
  const given = [p.firstName, p.middleName].filter(Boolean).join(' ');
  return given ? `${p.lastName}, ${given}` : p.lastName;
}

/**
 * A birth date as ISO `YYYY-MM-DD` when it reads as one: the state stores ISO, district files send
 * `MM/DD/YYYY`. Anything else (a typo, an impossible date) returns null and is shown as sent.
 */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : null;
}

/** A birth date the way district files write it (MM/DD/YYYY), so both sides compare digit by digit. */
export function displayDate(value: string | null): string {
  if (value === null || value.trim() === '') return '—';
  const iso = isoDate(value);
  return iso ? `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}` : value;
}

/** Whether two field values are character for character the same (case and spacing aside). */
export function sameValue(a: string | null, b: string | null): boolean {
  const norm = (v: string | null) => (v ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

const score = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 3 });

/** A match score on the 0–1 scale ("0.87"). */
export function formatScore(value: number): string {
  return score.format(value);
}

/** A reason's contribution to the score with its sign ("+0.27", "−0.10", "±0"). */
export function formatWeight(weight: number): string {
  if (weight === 0) return '±0';
  return `${weight > 0 ? '+' : '−'}${score.format(Math.abs(weight))}`;
}

/** Which way a reason points: towards the same person, towards different people, or neither. */
export function reasonEffect(weight: number): 'same' | 'different' | 'neutral' {
  if (weight > 0) return 'same';
  return weight < 0 ? 'different' : 'neutral';
}

/** A timestamp in the reader's time zone ("Mar 3, 2026, 2:05 PM"); the zone is a parameter for tests. */
export function formatDateTime(iso: string | null, timeZone?: string): string {
  if (iso === null) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

/** The outcome of an item in words: what state ID the uploaded row now carries. */
export function outcomeText(item: Pick<IdentityReview, 'status' | 'resolution'>): string {
  const stateId = item.resolution?.stateId ?? '—';
  switch (item.status) {
    case 'linked':
      return `Same person: linked to state ID ${stateId}`;
    case 'new':
      return `New person: new state ID ${stateId}`;
    case 'open':
    case 'unlinked':
      return 'Waiting for a decision';
  }
}

/** Who decided and when, or '' when the API did not say. */
export function decidedByText(resolution: IdentityReview['resolution'], timeZone?: string): string {
  if (!resolution) return '';
  const by = resolution.by ? ` by ${resolution.by}` : '';
  const at = resolution.at ? ` on ${formatDateTime(resolution.at, timeZone)}` : '';
  return `Decided${by}${at}`;
}

const ACTIONS: Record<IdentityAuditEntry['action'], string> = {
  matched: 'Matched automatically',
  linked: 'Same person: linked',
  'new-person': 'New person: state ID issued',
  unlinked: 'Link undone',
};

/** An audit action in words. */
export function actionLabel(action: IdentityAuditEntry['action']): string {
  return ACTIONS[action];
}

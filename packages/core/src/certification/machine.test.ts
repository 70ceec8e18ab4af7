import { describe, expect, it } from 'vitest';
import {
  districtDisplayStatus,
  districtTransition,
  eventTransition,
  isOverdue,
  localDate,
  userStatus,
  type DistrictContext,
} from './machine.ts';
import {
  DISTRICT_COMMANDS,
  DISTRICT_STATUSES,
  EVENT_COMMANDS,
  EVENT_STATES,
  type DistrictCommand,
  type DistrictStatus,
  type EventCommand,
  type EventState,
} from './states.ts';

const window = { opens: '2026-05-11', due: '2026-06-19', extendedUntil: null, timeZone: 'America/Denver' };
// Noon in Montana on 2026-06-01: inside the window.
const base: DistrictContext = {
  now: '2026-06-01T18:00:00Z',
  window,
  openFatals: 0,
  unacknowledgedWarnings: 0,
  primaries: [1, 2],
  certifiedBy: [],
  actor: 1,
  reason: 'because',
};

// Expected next event state for every (state × command); a string starting with '!' is the refusal's reason start.
const EVENT_TABLE: Record<EventState, Record<EventCommand, string>> = {
  unpublished: { publish: 'published', edit: 'unpublished', close: 'closed' },
  published: { publish: '!The event is already published', edit: 'unpublished-changes', close: 'closed' },
  'unpublished-changes': { publish: 'published', edit: 'unpublished-changes', close: 'closed' },
  closed: {
    publish: 'published',
    edit: '!A closed event cannot be edited',
    close: '!The event is already closed',
  },
};

// Expected next district status for every (status × command) in a context that satisfies every precondition.
const DISTRICT_TABLE: Record<DistrictStatus, Record<DistrictCommand, string>> = {
  'not-started': {
    certify: 'in-progress',
    approve: 'approved',
    return: '!Only a certification sent',
    'request-recertification': '!Recertification can be requested only after',
    'accept-recertification': '!No recertification request',
    'decline-recertification': '!No recertification request',
    reopen: '!The district has not completed',
  },
  'in-progress': {
    certify: 'in-progress',
    approve: 'approved',
    return: '!Only a certification sent',
    'request-recertification': '!Recertification can be requested only after',
    'accept-recertification': '!No recertification request',
    'decline-recertification': '!No recertification request',
    reopen: '!The district has not completed',
  },
  'sent-to-state': {
    certify: '!Every primary certifier has already certified',
    approve: 'approved',
    return: 'returned',
    'request-recertification': 'recertification-requested',
    'accept-recertification': '!No recertification request',
    'decline-recertification': '!No recertification request',
    reopen: 'recertification-in-progress',
  },
  approved: {
    certify: '!The state has approved',
    approve: '!The certification is already approved',
    return: 'returned',
    'request-recertification': 'recertification-requested',
    'accept-recertification': '!No recertification request',
    'decline-recertification': '!No recertification request',
    reopen: 'recertification-in-progress',
  },
  returned: {
    certify: 'in-progress',
    approve: 'approved',
    return: '!Only a certification sent',
    'request-recertification': '!Recertification can be requested only after',
    'accept-recertification': '!No recertification request',
    'decline-recertification': '!No recertification request',
    reopen: '!The district has not completed',
  },
  'recertification-requested': {
    certify: '!A recertification request is pending',
    approve: '!Accept or decline the pending recertification',
    return: '!Only a certification sent',
    'request-recertification': '!A recertification request is already pending',
    'accept-recertification': 'recertification-in-progress',
    'decline-recertification': 'sent-to-state',
    reopen: '!The district has not completed',
  },
  'recertification-in-progress': {
    certify: 'in-progress',
    approve: 'approved',
    return: '!Only a certification sent',
    'request-recertification': '!Recertification can be requested only after',
    'accept-recertification': '!No recertification request',
    'decline-recertification': '!No recertification request',
    reopen: '!The district has not completed',
  },
};

function outcome(
  r: { ok: true; value: unknown } | { ok: false; error: { reason: string } },
  pick: (v: never) => string,
) {
  return r.ok ? pick(r.value as never) : `!${r.error.reason}`;
}

describe('event state machine (montana-aim.md §7.2 step 1)', () => {
  const ctx = { hasTypes: true, hasValidationGroup: true };
  for (const state of EVENT_STATES)
    for (const command of EVENT_COMMANDS)
      it(`${state} × ${command} → ${EVENT_TABLE[state][command]}`, () => {
        const got = outcome(eventTransition(state, command, ctx), (v: string) => v);
        expect(got.startsWith(EVENT_TABLE[state][command])).toBe(true);
      });
  it('refuses to publish without a type or a validation group', () => {
    expect(eventTransition('unpublished', 'publish', { hasTypes: false, hasValidationGroup: true })).toEqual({
      ok: false,
      error: { reason: 'Publishing needs at least one certification type.' },
    });
    expect(eventTransition('unpublished', 'publish', { hasTypes: true, hasValidationGroup: false }).ok).toBe(
      false,
    );
  });
});

describe('district certification state machine (montana-aim.md §7.2 steps 3–5)', () => {
  for (const status of DISTRICT_STATUSES)
    for (const command of DISTRICT_COMMANDS)
      it(`${status} × ${command} → ${DISTRICT_TABLE[status][command]}`, () => {
        const got = outcome(districtTransition(status, command, base), (v: { status: string }) => v.status);
        expect(got.startsWith(DISTRICT_TABLE[status][command]), got).toBe(true);
      });

  it('sends to the state only when every primary has certified', () => {
    const first = districtTransition('not-started', 'certify', base);
    expect(first).toMatchObject({
      ok: true,
      value: { status: 'in-progress', complete: false, certifiedBy: [1] },
    });
    const second = districtTransition('in-progress', 'certify', { ...base, actor: 2, certifiedBy: [1] });
    expect(second).toMatchObject({ ok: true, value: { status: 'sent-to-state', complete: true } });
  });

  const refusals: [string, Partial<DistrictContext>, string][] = [
    ['before certification opens', { now: '2026-05-10T18:00:00Z' }, 'Certification opens on 2026-05-11.'],
    ['after the due date', { now: '2026-06-20T18:00:00Z' }, 'The last day to certify was 2026-06-19'],
    ['with open fatals', { openFatals: 3 }, '3 fatal finding(s)'],
    ['with unacknowledged warnings', { unacknowledgedWarnings: 2 }, '2 warning(s) are not acknowledged'],
    ['by a secondary or stranger', { actor: 9 }, "Only the district's primary certifiers"],
    ['by the system', { actor: null }, "Only the district's primary certifiers"],
    ['twice by the same user', { certifiedBy: [1] }, 'You have already certified'],
    ['without any primary', { primaries: [] }, 'The district has named no primary certifier'],
  ];
  for (const [name, change, reason] of refusals)
    it(`refuses certification ${name}`, () => {
      const r = districtTransition('in-progress', 'certify', { ...base, ...change });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.reason.startsWith(reason), r.error.reason).toBe(true);
    });

  it('honours an extension and the state time zone', () => {
    // 2026-06-20 05:00 UTC is still June 19 in Montana: the due day.
    expect(districtTransition('in-progress', 'certify', { ...base, now: '2026-06-20T05:00:00Z' }).ok).toBe(
      true,
    );
    const late = { ...base, now: '2026-06-25T18:00:00Z' };
    expect(districtTransition('in-progress', 'certify', late).ok).toBe(false);
    const extended = { ...late, window: { ...window, extendedUntil: '2026-06-30' } };
    expect(districtTransition('in-progress', 'certify', extended).ok).toBe(true);
  });

  it('needs reasons for returns, requests, declines, reopens and approving uncertified districts', () => {
    const none = { ...base, reason: ' ' };
    expect(districtTransition('sent-to-state', 'return', none).ok).toBe(false);
    expect(districtTransition('sent-to-state', 'request-recertification', none).ok).toBe(false);
    expect(districtTransition('recertification-requested', 'decline-recertification', none).ok).toBe(false);
    expect(districtTransition('approved', 'reopen', none).ok).toBe(false);
    expect(districtTransition('in-progress', 'approve', none).ok).toBe(false);
    expect(districtTransition('sent-to-state', 'approve', none).ok).toBe(true);
  });

  it('lets only primaries request recertification and declines back to approval', () => {
    expect(districtTransition('approved', 'request-recertification', { ...base, actor: 7 }).ok).toBe(false);
    expect(
      districtTransition('recertification-requested', 'decline-recertification', {
        ...base,
        approvedBefore: true,
      }),
    ).toMatchObject({ ok: true, value: { status: 'approved' } });
  });

  it('starts a new round on return, accepted recertification and reopen', () => {
    for (const [status, command] of [
      ['sent-to-state', 'return'],
      ['recertification-requested', 'accept-recertification'],
      ['approved', 'reopen'],
    ] as const)
      expect(districtTransition(status, command, { ...base, certifiedBy: [1, 2] })).toMatchObject({
        ok: true,
        value: { newRound: true, certifiedBy: [] },
      });
  });
});

describe('derived statuses', () => {
  it('computes the local date in the state time zone', () => {
    expect(localDate('2026-06-20T05:59:00Z', 'America/Denver')).toBe('2026-06-19');
    expect(localDate('2026-06-20T06:00:00Z', 'America/Denver')).toBe('2026-06-20');
  });
  it('shows overdue only for districts still to certify after the last day', () => {
    const late = '2026-06-21T18:00:00Z';
    expect(isOverdue('in-progress', late, window)).toBe(true);
    expect(isOverdue('sent-to-state', late, window)).toBe(false);
    expect(districtDisplayStatus('not-started', late, window)).toBe('overdue');
    expect(districtDisplayStatus('not-started', base.now, window)).toBe('not-started');
  });
  it('gives each member a status', () => {
    const s = (
      role: 'primary' | 'secondary',
      districtStatus: DistrictStatus,
      certified: boolean,
      overdue = false,
    ) => userStatus({ role, districtStatus, certified, overdue });
    expect(s('secondary', 'in-progress', false)).toBe('not-applicable');
    expect(s('primary', 'in-progress', false)).toBe('incomplete');
    expect(s('primary', 'in-progress', false, true)).toBe('incomplete-overdue');
    expect(s('primary', 'in-progress', true)).toBe('complete');
    expect(s('primary', 'approved', true)).toBe('complete-approved');
    expect(s('primary', 'recertification-requested', true)).toBe('recertification-pending');
  });
});

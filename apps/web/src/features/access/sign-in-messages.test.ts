import type { Problem } from '@bitterroot/contracts';
import { describe, expect, it } from 'vitest';
import { signInMessage } from './sign-in-messages.ts';

const problem = (status: number, detail?: string): Problem => ({
  type: 'about:blank',
  title: 'x',
  status,
  detail,
});

describe('signInMessage', () => {
  it('does not say whether the e-mail exists', () => {
    expect(signInMessage(problem(401, 'E-mail or password is wrong.')).detail).toMatch(/e-mail or password/);
  });

  it('names a lock and a throttle, keeping the server wait time', () => {
    expect(signInMessage(problem(423)).title).toBe('Account locked');
    expect(signInMessage(problem(429, 'Wait 30 seconds and try again.'))).toEqual({
      title: 'Too many attempts',
      detail: 'Wait 30 seconds and try again.',
    });
  });
});

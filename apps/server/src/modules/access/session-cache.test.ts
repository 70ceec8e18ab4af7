import { describe, expect, it } from 'vitest';
import { sessionCache } from './session-cache.ts';

describe('session cache (decision 0067)', () => {
  it('serves a session for the TTL, then reads again', () => {
    let t = 1_000;
    const cache = sessionCache<string>(2_000, () => t);
    cache.set('a', 1, 'principal A');
    t += 1_999;
    expect(cache.get('a')).toBe('principal A');
    t += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets a signed-out session and every session of a changed user at once', () => {
    const cache = sessionCache<string>(60_000);
    cache.set('a', 1, 'A1');
    cache.set('b', 1, 'A2');
    cache.set('c', 2, 'B');
    cache.forget('c');
    expect(cache.get('c')).toBeUndefined();
    cache.forgetUser(1);
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
  });

  it('keeps nothing when turned off', () => {
    const cache = sessionCache<string>(0);
    cache.set('a', 1, 'A');
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entries past its size bound', () => {
    const cache = sessionCache<number>(60_000);
    for (let i = 0; i <= 10_000; i++) cache.set(`s${i}`, i, i);
    expect(cache.get('s0')).toBeUndefined();
    expect(cache.get('s1')).toBe(1);
    expect(cache.get('s10000')).toBe(10_000);
  });
});

import { describe, expect, it } from 'vitest';
import { signInProblem } from './sign-in-problems';

describe('signInProblem', () => {
  it('explains that an OAuth identity already belongs to another account', () => {
    expect(signInProblem('OAuthAccountNotLinked')).toMatch(/belongs to a different Rendezvous account/);
  });

  it('explains a refused unverified address, and says something plain for anything else', () => {
    expect(signInProblem('AccessDenied')).toMatch(/not verified/);
    expect(signInProblem('<script>')).toBe('Signing in did not work. Please try again.');
  });
});

import { describe, expect, it } from 'vitest';
import { signInProblem } from './sign-in-problems';

describe('signInProblem', () => {
  it('explains that an OAuth sign-in does not join an existing account whose address is unconfirmed', () => {
    expect(signInProblem('OAuthAccountNotLinked')).toMatch(/not confirmed yet\. Sign in with your password/);
  });

  it('explains a refused unverified address, and says something plain for anything else', () => {
    expect(signInProblem('AccessDenied')).toMatch(/not verified/);
    expect(signInProblem('<script>')).toBe('Signing in did not work. Please try again.');
  });
});

/** What Auth.js's error codes (sent back to /signin?error=…) mean for the person signing in. */
export function signInProblem(code: string): string {
  if (code === 'OAuthAccountNotLinked') {
    return 'That sign-in belongs to a different Rendezvous account. Sign in the way you signed in before.';
  }
  if (code === 'AccessDenied') return 'That account could not be used to sign in (its email address is not verified).';
  return 'Signing in did not work. Please try again.';
}

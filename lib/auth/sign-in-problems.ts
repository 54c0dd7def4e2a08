/** What Auth.js's error codes (sent back to /signin?error=…) mean for the person signing in. */
export function signInProblem(code: string): string {
  if (code === 'OAuthAccountNotLinked') {
    return 'An account with this email already exists and its address is not confirmed yet. Sign in with your password.';
  }
  if (code === 'AccessDenied') return 'That account could not be used to sign in (its email address is not verified).';
  return 'Signing in did not work. Please try again.';
}

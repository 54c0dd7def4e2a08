import Link from 'next/link';
import { Alert } from '@/components/ui/alert';

// What a person sees when an account link cannot work: what happened and what to do next. The words
// depend only on the link, never on whether or whose account it was for.

export type LinkProblem = 'invalid' | 'expired' | 'used' | 'taken';
export type LinkKind = 'verify' | 'reset';

const titles: Record<LinkProblem, string> = {
  invalid: 'This link is not valid',
  expired: 'This link has expired',
  used: 'This link was already used',
  taken: 'That address belongs to another account',
};

function advice(problem: LinkProblem, kind: LinkKind) {
  if (kind === 'reset') {
    if (problem === 'used') return 'Each reset link works once. If you set a new password with it, sign in with that; otherwise ask for a new link.';
    if (problem === 'expired') return 'Reset links work for one hour. Ask for a new one.';
    return 'Check that you opened the whole link from the email, or ask for a new one.';
  }
  if (problem === 'taken') return 'Another account confirmed this address first, so yours keeps its current address. Choose a different one in Settings.';
  if (problem === 'used') return 'Each confirmation link works once. If you already confirmed the address, you are all set: sign in to continue.';
  if (problem === 'expired') return 'Confirmation links work for 24 hours. Sign in and ask for a new one from your dashboard or settings.';
  return 'Check that you opened the whole link from the email. You can ask for a new one from your dashboard or settings after signing in.';
}

export function LinkProblemNotice({ problem, kind }: { problem: LinkProblem; kind: LinkKind }) {
  return (
    <>
      <Alert tone="error" title={titles[problem]}>
        {advice(problem, kind)}
      </Alert>
      <p>{kind === 'reset' ? <Link href="/forgot-password">Ask for a new reset link</Link> : <Link href="/signin">Sign in</Link>}</p>
    </>
  );
}

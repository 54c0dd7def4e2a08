import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/auth/auth.module.css';
import { AcceptInvitationButton } from '@/components/teams/accept-invitation-button';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { db } from '@/lib/database';
import { currentHostId } from '@/lib/auth/current-host';
import type { InvitationProblem } from '@/lib/hosts/teams/invitation-tokens';
import { invitationPageState } from '@/lib/hosts/teams/invitation-page';
import { signOutAction } from '../../../(auth)/actions';
import { acceptInvitationAction } from '../../../dashboard/teams/actions';

export const metadata: Metadata = { title: 'Team invitation', robots: { index: false }, referrer: 'no-referrer' };

const roleWords = { owner: 'an owner', admin: 'an admin', member: 'a member' } as const;

const problems: Record<InvitationProblem, { title: string; advice: string }> = {
  invalid: { title: 'This invitation link is not valid', advice: 'Check that you opened the whole link from the email, or ask the team for a new invitation.' },
  expired: { title: 'This invitation has expired', advice: 'Invitations work for 7 days. Ask the team’s owner or an admin to send it again.' },
  used: { title: 'This invitation was already accepted', advice: 'If you accepted it, the team is on your dashboard: sign in to see it.' },
  revoked: { title: 'This invitation was withdrawn', advice: 'The team withdrew it, or sent a newer one: use the link in the latest email, or ask the team.' },
};

interface Props {
  params: Promise<{ token: string }>;
}

// An emailed invitation: the team and role, and the way forward for whoever opened it. Only the
// invited address can accept; every dead link gets a page that says why.
export default async function TeamInvitationPage({ params }: Props) {
  const { token } = await params;
  const state = await invitationPageState(db(), token, await currentHostId(), new Date());
  const here = `/teams/invitations/${encodeURIComponent(token)}`;
  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        {state.kind === 'problem' ? (
          <>
            <h1 className={styles.title}>{state.teamName ? `Invitation to ${state.teamName}` : 'Team invitation'}</h1>
            <Alert tone="error" title={problems[state.problem].title}>
              {problems[state.problem].advice}
            </Alert>
            <p>
              <Link href="/dashboard">Go to your dashboard</Link>
            </p>
          </>
        ) : (
          <>
            <h1 className={styles.title}>Join {state.invitation.teamName}</h1>
            <p>
              {state.invitation.invitedByName ?? 'Someone on the team'} invited <strong>{state.invitation.email}</strong> to join the team {state.invitation.teamName} as{' '}
              {roleWords[state.invitation.role]}.
            </p>
            {state.kind === 'accept' ? <AcceptInvitationButton token={token} teamName={state.invitation.teamName} action={acceptInvitationAction} /> : null}
            {state.kind === 'other-account' ? (
              <>
                <Alert tone="error" title="This invitation is for another address">
                  {`You are signed in as ${state.signedInAs}. Sign out, then sign in or sign up with ${state.invitation.email} to accept.`}
                </Alert>
                <form action={signOutAction}>
                  <Button type="submit" variant="secondary">
                    Sign out
                  </Button>
                </form>
              </>
            ) : null}
            {state.kind === 'signed-out' ? (
              <>
                <p className="muted">{`Sign in with ${state.invitation.email} to accept, or create an account with that address.`}</p>
                <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(here)}`} block>
                  Sign in to accept
                </ButtonLink>
                <p className={styles.alternate}>
                  New to Rendezvous? <Link href={`/signup?email=${encodeURIComponent(state.invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}>Create an account</Link>
                </p>
              </>
            ) : null}
          </>
        )}
      </div>
    </main>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatShortDate } from '@/components/dashboard/bookings/host-time';
import styles from '@/components/dashboard/dashboard.module.css';
import { DeleteTeam } from '@/components/dashboard/teams/delete-team';
import { InviteMemberForm } from '@/components/dashboard/teams/invite-member-form';
import { RenameTeamForm } from '@/components/dashboard/teams/rename-team-form';
import { TeamInvitations } from '@/components/dashboard/teams/team-invitations';
import { TeamMembers } from '@/components/dashboard/teams/team-members';
import teamStyles from '@/components/dashboard/teams/teams.module.css';
import { ButtonLink } from '@/components/ui/button';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { formatClock } from '@/lib/hosts/host-clock';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { findHostTeam, listOpenInvitations, listTeamMeetingTypes, listTeamMembers } from '@/lib/hosts/teams/list';
import { changeRoleAction, deleteTeamAction, inviteMemberAction, leaveTeamAction, removeMemberAction, renameTeamAction, resendInvitationAction, revokeInvitationAction } from '../actions';

interface Props {
  params: Promise<{ slug: string }>;
}

export const metadata: Metadata = { title: 'Team' };

const schedulingLabel = { round_robin: 'Round robin', collective: 'Collective' } as const;

// A team the host is not in answers 404, like a slug that does not exist: its name and members stay private.
export default async function TeamPage({ params }: Props) {
  const { slug } = await params;
  const hostUserId = await requireHostForPage(`/dashboard/teams/${encodeURIComponent(slug)}`);
  const [host, team] = await Promise.all([findHostSummary(db(), hostUserId), findHostTeam(db(), hostUserId, slug)]);
  if (!host || !team) notFound();
  const manager = team.role !== 'member';
  const [members, invitations, meetingTypes] = await Promise.all([listTeamMembers(db(), team.id), manager ? listOpenInvitations(db(), team.id, new Date()) : [], listTeamMeetingTypes(db(), team.id)]);
  const when = (instant: Date) => `${formatShortDate(instant, host.timeZone)}, ${formatClock(instant, host.timeZone, host.hourCycle)}`;
  return (
    <>
      <Link href="/dashboard/teams">← Teams</Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>{team.name}</h1>
        <p className={teamStyles.links}>
          <a href={`/team/${team.slug}`}>Team booking page</a>
          <Link href={`/dashboard/teams/${team.slug}/distribution`}>Booking distribution</Link>
        </p>
      </div>
      <div className={styles.sections}>
        <section aria-labelledby="types-title" className={styles.section}>
          <div className={styles.pageHeader}>
            <h2 id="types-title" className={styles.sectionTitle}>
              Team meeting types
            </h2>
            {manager ? <ButtonLink href={`/dashboard/teams/${team.slug}/meeting-types/new`}>New team meeting type</ButtonLink> : null}
          </div>
          {meetingTypes.length === 0 ? (
            <p className="muted">No team meeting types yet.</p>
          ) : (
            <ul className={teamStyles.list}>
              {meetingTypes.map((type) => (
                <li key={type.id} className={teamStyles.row}>
                  <div className={teamStyles.rowText}>
                    <p className={teamStyles.name}>
                      {manager ? <Link href={`/dashboard/teams/${team.slug}/meeting-types/${type.id}`}>{type.name}</Link> : type.name}{' '}
                      <span className={teamStyles.badge}>{type.schedulingType ? schedulingLabel[type.schedulingType] : ''}</span>
                      {type.isActive ? null : <span className={teamStyles.badge}>Off</span>}
                    </p>
                    <p className="muted">
                      {type.durationMinutes} min · <a href={`/team/${team.slug}/${type.slug}`}>/team/{team.slug}/{type.slug}</a>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="members-title" className={styles.section}>
          <h2 id="members-title" className={styles.sectionTitle}>
            Members
          </h2>
          <TeamMembers
            teamId={team.id}
            teamName={team.name}
            members={members.map(({ userId, name, email, role }) => ({ userId, name, email, role }))}
            selfId={hostUserId}
            actorRole={team.role}
            actions={{ changeRole: changeRoleAction, remove: removeMemberAction, leave: leaveTeamAction }}
          />
        </section>
        {manager ? (
          <>
            <section aria-labelledby="invite-title" className={styles.section}>
              <h2 id="invite-title" className={styles.sectionTitle}>
                Invite a member
              </h2>
              <p className="muted">They get an email with a link that works for 7 days; they accept by signing in or signing up with that address.</p>
              <InviteMemberForm teamId={team.id} actorRole={team.role} action={inviteMemberAction} />
            </section>
            <section aria-labelledby="invitations-title" className={styles.section}>
              <h2 id="invitations-title" className={styles.sectionTitle}>
                Open invitations
              </h2>
              <TeamInvitations
                teamId={team.id}
                manager={manager}
                invitations={invitations.map((invitation) => ({ id: invitation.id, email: invitation.email, role: invitation.role, expires: when(invitation.expiresAt) }))}
                resend={resendInvitationAction}
                revoke={revokeInvitationAction}
              />
            </section>
            <section aria-labelledby="settings-title" className={styles.section}>
              <h2 id="settings-title" className={styles.sectionTitle}>
                Team name
              </h2>
              <RenameTeamForm teamId={team.id} name={team.name} action={renameTeamAction} />
            </section>
          </>
        ) : null}
        {team.role === 'owner' ? (
          <section aria-labelledby="delete-title" className={styles.section}>
            <h2 id="delete-title" className={styles.sectionTitle}>
              Delete team
            </h2>
            <p className="muted">Only possible while the team has no upcoming bookings. Past bookings are kept.</p>
            <DeleteTeam teamId={team.id} teamName={team.name} action={deleteTeamAction} />
          </section>
        ) : null}
      </div>
    </>
  );
}

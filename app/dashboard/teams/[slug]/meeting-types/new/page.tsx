import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/dashboard/dashboard.module.css';
import { newMeetingTypeValues } from '@/components/dashboard/meeting-types/form-values';
import { MeetingTypeForm } from '@/components/dashboard/meeting-types/meeting-type-form';
import formStyles from '@/components/dashboard/meeting-types/meeting-type-form.module.css';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { findHostTeam, listTeamMembers } from '@/lib/hosts/teams/list';
import { createTeamMeetingTypeAction } from '../../../actions';

interface Props {
  params: Promise<{ slug: string }>;
}

export const metadata: Metadata = { title: 'New team meeting type' };

// Owners and admins only; a member or a stranger gets the same 404 (the action refuses them too).
export default async function NewTeamMeetingTypePage({ params }: Props) {
  const { slug } = await params;
  const hostUserId = await requireHostForPage(`/dashboard/teams/${encodeURIComponent(slug)}/meeting-types/new`);
  const team = await findHostTeam(db(), hostUserId, slug);
  if (!team || team.role === 'member') notFound();
  const members = await listTeamMembers(db(), team.id);
  return (
    <>
      <Link href={`/dashboard/teams/${team.slug}`} className={formStyles.back}>
        ← {team.name}
      </Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>New team meeting type</h1>
      </div>
      <MeetingTypeForm
        username={team.slug}
        initial={newMeetingTypeValues}
        action={createTeamMeetingTypeAction}
        team={{ teamId: team.id, teamSlug: team.slug, members: members.map(({ userId, name }) => ({ userId, name })), schedulingType: null, hosts: members.map(({ userId }) => ({ userId, weight: 100, priority: 2 })) }}
      />
    </>
  );
}

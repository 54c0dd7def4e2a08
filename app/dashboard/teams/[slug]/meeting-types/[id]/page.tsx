import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/dashboard/dashboard.module.css';
import { formValuesOf } from '@/components/dashboard/meeting-types/form-values';
import { MeetingTypeForm } from '@/components/dashboard/meeting-types/meeting-type-form';
import formStyles from '@/components/dashboard/meeting-types/meeting-type-form.module.css';
import { DeleteTeamMeetingType } from '@/components/dashboard/teams/delete-team-meeting-type';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { storedBookingQuestions } from '@/lib/hosts/meeting-types/booking-questions';
import { findHostTeam, listTeamMembers } from '@/lib/hosts/teams/list';
import { findTeamMeetingType } from '@/lib/hosts/teams/meeting-types';
import { deleteTeamMeetingTypeAction, updateTeamMeetingTypeAction } from '../../../actions';

interface Props {
  params: Promise<{ slug: string; id: string }>;
}

export const metadata: Metadata = { title: 'Edit team meeting type' };

export default async function EditTeamMeetingTypePage({ params }: Props) {
  const { slug, id } = await params;
  const hostUserId = await requireHostForPage(`/dashboard/teams/${encodeURIComponent(slug)}/meeting-types/${encodeURIComponent(id)}`);
  const team = await findHostTeam(db(), hostUserId, slug);
  if (!team || team.role === 'member') notFound();
  // Another team's id, a deleted one and junk all get the same 404.
  const [meetingType, members] = await Promise.all([findTeamMeetingType(db(), team.id, id), listTeamMembers(db(), team.id)]);
  if (!meetingType) notFound();
  return (
    <>
      <Link href={`/dashboard/teams/${team.slug}`} className={formStyles.back}>
        ← {team.name}
      </Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>{meetingType.name}</h1>
        {meetingType.isActive ? <a href={`/team/${team.slug}/${meetingType.slug}`}>View booking page</a> : null}
      </div>
      <MeetingTypeForm
        username={team.slug}
        initial={formValuesOf(meetingType, storedBookingQuestions(meetingType.bookingQuestions))}
        meetingTypeId={meetingType.id}
        action={updateTeamMeetingTypeAction}
        team={{ teamId: team.id, teamSlug: team.slug, members: members.map(({ userId, name }) => ({ userId, name })), schedulingType: meetingType.schedulingType, hosts: meetingType.hosts }}
      />
      <DeleteTeamMeetingType teamId={team.id} teamSlug={team.slug} meetingType={{ id: meetingType.id, name: meetingType.name }} action={deleteTeamMeetingTypeAction} />
    </>
  );
}

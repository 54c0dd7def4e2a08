import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import styles from '@/components/dashboard/dashboard.module.css';
import { MeetingTypeList } from '@/components/dashboard/meeting-types/meeting-type-list';
import { ButtonLink } from '@/components/ui/button';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { listMeetingTypes } from '@/lib/hosts/meeting-types/list';
import { deleteMeetingTypeAction, duplicateMeetingTypeAction, setMeetingTypeActiveAction } from './actions';

export const metadata: Metadata = { title: 'Meeting types' };

export default async function MeetingTypesPage() {
  const hostUserId = await requireHostForPage('/dashboard/meeting-types');
  const [host, meetingTypes] = await Promise.all([findHostSummary(db(), hostUserId), listMeetingTypes(db(), hostUserId)]);
  if (!host) notFound();
  return (
    <>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>Meeting types</h1>
        <ButtonLink href="/dashboard/meeting-types/new">New meeting type</ButtonLink>
      </div>
      {meetingTypes.length === 0 ? (
        <div className={styles.empty}>
          <p>You have no meeting types yet. Create one, and invitees can book it at /{host.username}/….</p>
          <ButtonLink href="/dashboard/meeting-types/new" variant="secondary">
            Create your first meeting type
          </ButtonLink>
        </div>
      ) : (
        <MeetingTypeList
          meetingTypes={meetingTypes}
          username={host.username}
          actions={{ duplicate: duplicateMeetingTypeAction, setActive: setMeetingTypeActiveAction, remove: deleteMeetingTypeAction }}
        />
      )}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/dashboard/dashboard.module.css';
import { formValuesOf } from '@/components/dashboard/meeting-types/form-values';
import { MeetingTypeForm } from '@/components/dashboard/meeting-types/meeting-type-form';
import { OneTimeLinks } from '@/components/dashboard/meeting-types/one-time-links';
import formStyles from '@/components/dashboard/meeting-types/meeting-type-form.module.css';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { storedBookingQuestions } from '@/lib/hosts/meeting-types/booking-questions';
import { findMeetingTypeForHost } from '@/lib/hosts/meeting-types/list';
import { listOneTimeLinks } from '@/lib/booking/one-time-links/list-links';
import { listSchedules } from '@/lib/hosts/schedules/rows';
import { updateMeetingTypeAction } from '../actions';
import { createOneTimeLinkAction, revokeOneTimeLinkAction } from '../one-time-link-actions';

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: 'Edit meeting type' };

export default async function EditMeetingTypePage({ params }: Props) {
  const { id } = await params;
  const hostUserId = await requireHostForPage(`/dashboard/meeting-types/${encodeURIComponent(id)}`);
  // Another host's id, a deleted one and junk all get the same 404.
  const [host, meetingType, links, schedules] = await Promise.all([
    findHostSummary(db(), hostUserId),
    findMeetingTypeForHost(db(), hostUserId, id),
    listOneTimeLinks(db(), hostUserId, id, Date.now()),
    listSchedules(db(), hostUserId),
  ]);
  if (!host || !meetingType) notFound();
  return (
    <>
      <Link href="/dashboard/meeting-types" className={formStyles.back}>
        ← Meeting types
      </Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>{meetingType.name}</h1>
        {meetingType.isActive ? <a href={`/${host.username}/${meetingType.slug}`}>View booking page</a> : null}
      </div>
      <MeetingTypeForm username={host.username} initial={formValuesOf(meetingType, storedBookingQuestions(meetingType.bookingQuestions))} meetingTypeId={meetingType.id} action={updateMeetingTypeAction} schedules={schedules} />
      <OneTimeLinks meetingTypeId={meetingType.id} links={links} clock={host} createAction={createOneTimeLinkAction} revokeAction={revokeOneTimeLinkAction} />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/dashboard/dashboard.module.css';
import { newMeetingTypeValues } from '@/components/dashboard/meeting-types/form-values';
import { MeetingTypeForm } from '@/components/dashboard/meeting-types/meeting-type-form';
import formStyles from '@/components/dashboard/meeting-types/meeting-type-form.module.css';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { listSchedules } from '@/lib/hosts/schedules/rows';
import { createMeetingTypeAction } from '../actions';

export const metadata: Metadata = { title: 'New meeting type' };

export default async function NewMeetingTypePage() {
  const hostUserId = await requireHostForPage('/dashboard/meeting-types/new');
  const [host, schedules] = await Promise.all([findHostSummary(db(), hostUserId), listSchedules(db(), hostUserId)]);
  if (!host) notFound();
  return (
    <>
      <Link href="/dashboard/meeting-types" className={formStyles.back}>
        ← Meeting types
      </Link>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>New meeting type</h1>
      </div>
      <MeetingTypeForm username={host.username} initial={newMeetingTypeValues} action={createMeetingTypeAction} schedules={schedules} />
    </>
  );
}

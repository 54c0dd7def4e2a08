import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TroubleshootResults } from '@/components/availability/troubleshoot-results';
import styles from '@/components/availability/troubleshoot.module.css';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { troubleshootAvailability, troubleshootQuerySchema } from '@/lib/availability/troubleshoot';
import { findHostSummary } from '@/lib/hosts/host-summary';
import { listMeetingTypes } from '@/lib/hosts/meeting-types/list';
import { localDateOf } from '@/lib/scheduling';

export const metadata: Metadata = { title: 'Why is a time not offered?' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A GET form: the question is in the URL, so a host can reload it or send it to support.
export default async function TroubleshootPage({ searchParams }: { searchParams: SearchParams }) {
  const hostUserId = await requireHostForPage('/dashboard/availability/troubleshoot');
  const [host, meetingTypes, params] = await Promise.all([findHostSummary(db(), hostUserId), listMeetingTypes(db(), hostUserId), searchParams]);
  if (!host) notFound();
  const now = Date.now();
  const asked = { meetingTypeId: params.meetingTypeId ?? meetingTypes[0]?.id, date: params.date ?? localDateOf(now, host.timeZone) };
  // Another host's meeting type, an unknown or a malformed id: not found, alike.
  if (asked.meetingTypeId !== undefined && !meetingTypes.some((meetingType) => meetingType.id === asked.meetingTypeId)) notFound();
  const query = troubleshootQuerySchema.safeParse(asked);
  const result = query.success ? await troubleshootAvailability(db(), { hostUserId, ...query.data, now }) : null;
  const dateError = query.error?.issues.some((issue) => issue.path[0] === 'date') ? 'Choose a valid date.' : undefined;

  return (
    <>
      <Link href="/dashboard/availability" className={styles.back}>
        ← Availability
      </Link>
      <div className={dashboardStyles.pageHeader}>
        <h1 className={dashboardStyles.pageTitle}>Why is a time not offered?</h1>
      </div>
      <p className={styles.intro}>Pick a meeting type and a day: every start time is listed with the reason invitees can or cannot book it, worked out exactly as your booking page does.</p>
      {meetingTypes.length === 0 ? (
        <div className={dashboardStyles.empty}>
          <p>You have no meeting types yet.</p>
        </div>
      ) : (
        <form method="get" className={`${dashboardStyles.section} ${styles.form}`}>
          <SelectField label="Meeting type" name="meetingTypeId" defaultValue={typeof asked.meetingTypeId === 'string' ? asked.meetingTypeId : undefined}>
            {meetingTypes.map((meetingType) => (
              <option key={meetingType.id} value={meetingType.id}>
                {meetingType.name}
                {meetingType.isActive ? '' : ' (off)'}
              </option>
            ))}
          </SelectField>
          <TextField label="Date" name="date" type="date" required defaultValue={typeof asked.date === 'string' ? asked.date : undefined} error={dateError} />
          <Button type="submit">Explain</Button>
        </form>
      )}
      {result && !result.meetingTypeActive ? (
        <Alert tone="info" title="This meeting type is turned off">
          Invitees cannot book it at all. The times below show what would be offered once it is on.
        </Alert>
      ) : null}
      {result && result.staleCalendars.length > 0 ? (
        <Alert tone="info" title="Calendar stale">
          {result.staleCalendars.map((calendar) => calendar.name).join(', ')} has not synced for over an hour: events added there since may not block time yet.{' '}
          <Link href="/dashboard/integrations">Integrations</Link>
        </Alert>
      ) : null}
      {result ? <TroubleshootResults result={result} hourCycle={host.hourCycle} /> : null}
    </>
  );
}

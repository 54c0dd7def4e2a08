import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DateOverridesSection } from '@/components/availability/date-overrides-section';
import availabilityStyles from '@/components/availability/availability.module.css';
import { TimeZoneForm } from '@/components/availability/time-zone-form';
import { WeeklyHoursForm } from '@/components/availability/weekly-hours-form';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { ButtonLink } from '@/components/ui/button';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { loadAvailabilitySettings } from '@/lib/hosts/availability/load';
import { addTimeOffAction, removeDateOverrideAction, saveDateOverrideAction, saveTimeZoneAction, saveWeeklyHoursAction } from './actions';

export const metadata: Metadata = { title: 'Availability' };

export default async function AvailabilityPage() {
  const hostUserId = await requireHostForPage('/dashboard/availability');
  const settings = await loadAvailabilitySettings(db(), hostUserId, Date.now());
  if (!settings) notFound();
  return (
    <>
      <div className={dashboardStyles.pageHeader}>
        <h1 className={dashboardStyles.pageTitle}>Availability</h1>
        <ButtonLink href="/dashboard/availability/troubleshoot" variant="secondary">
          Why is a time not offered?
        </ButtonLink>
      </div>
      <TimeZoneForm timeZone={settings.timeZone} action={saveTimeZoneAction} className={availabilityStyles.section} />
      <WeeklyHoursForm initialWeek={settings.weeklyHours} save={saveWeeklyHoursAction} />
      <DateOverridesSection
        overrides={settings.upcomingOverrides}
        today={settings.today}
        save={saveDateOverrideAction}
        remove={removeDateOverrideAction}
        addTimeOff={addTimeOffAction}
      />
    </>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ScheduleBar } from '@/components/availability/schedule-bar';
import { ScheduleEditors } from '@/components/availability/schedule-editors';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { ButtonLink } from '@/components/ui/button';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { loadAvailabilitySettings } from '@/lib/hosts/availability/load';
import {
  addTimeOffAction,
  createScheduleAction,
  deleteScheduleAction,
  removeDateOverrideAction,
  renameScheduleAction,
  saveDateOverrideAction,
  saveTimeZoneAction,
  saveWeeklyHoursAction,
  setDefaultScheduleAction,
} from './actions';

export const metadata: Metadata = { title: 'Availability' };

interface Props {
  /** `?schedule=<id>` picks one of the host's schedules; without it, the default. */
  searchParams: Promise<{ schedule?: string | string[] }>;
}

export default async function AvailabilityPage({ searchParams }: Props) {
  const { schedule } = await searchParams;
  const hostUserId = await requireHostForPage('/dashboard/availability');
  // Another host's schedule id and junk are the same 404 as a schedule that never existed.
  const settings = await loadAvailabilitySettings(db(), hostUserId, Date.now(), typeof schedule === 'string' ? schedule : undefined);
  if (!settings) notFound();
  return (
    <>
      <div className={dashboardStyles.pageHeader}>
        <h1 className={dashboardStyles.pageTitle}>Availability</h1>
        <ButtonLink href="/dashboard/availability/troubleshoot" variant="secondary">
          Why is a time not offered?
        </ButtonLink>
      </div>
      <ScheduleBar
        key={`bar-${settings.schedule.id}`}
        schedules={settings.schedules}
        current={settings.schedule}
        actions={{ create: createScheduleAction, rename: renameScheduleAction, setDefault: setDefaultScheduleAction, remove: deleteScheduleAction }}
      />
      <ScheduleEditors
        key={`editors-${settings.schedule.id}`}
        scheduleId={settings.schedule.id}
        timeZone={settings.timeZone}
        today={settings.today}
        weeklyHours={settings.weeklyHours}
        upcomingOverrides={settings.upcomingOverrides}
        actions={{
          saveTimeZone: saveTimeZoneAction,
          saveWeeklyHours: saveWeeklyHoursAction,
          saveDateOverride: saveDateOverrideAction,
          removeDateOverride: removeDateOverrideAction,
          addTimeOff: addTimeOffAction,
        }}
      />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TimeZoneForm } from '@/components/availability/time-zone-form';
import styles from '@/components/dashboard/dashboard.module.css';
import { ClockForm } from '@/components/dashboard/settings/clock-form';
import { NotificationsForm } from '@/components/dashboard/settings/notifications-form';
import { PasswordForm } from '@/components/dashboard/settings/password-form';
import { ProfileForm } from '@/components/dashboard/settings/profile-form';
import settingsStyles from '@/components/dashboard/settings/settings.module.css';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { RENAME_WINDOW_DAYS, RENAMES_PER_WINDOW } from '@/lib/hosts/accounts/rename-limit';
import { findHostSettings } from '@/lib/hosts/accounts/settings';
import { DeleteAccount } from '@/components/dashboard/settings/delete-account';
import { EmailForm } from '@/components/dashboard/settings/email-form';
import { SessionsForm } from '@/components/dashboard/settings/sessions-form';
import { countLiveSessions } from '@/lib/hosts/accounts/live-sessions';
import {
  changePasswordAction,
  deleteAccountAction,
  requestEmailChangeAction,
  setClockPreferenceAction,
  signOutOtherSessionsAction,
  updateNotificationPreferencesAction,
  updateProfileAction,
} from './actions';
import { saveTimeZoneAction } from '../availability/actions';
import { USERNAME_REDIRECT_DAYS } from '@/lib/hosts/accounts/username-redirects';

export const metadata: Metadata = { title: 'Settings' };

const renamePolicy = { redirectDays: USERNAME_REDIRECT_DAYS, renamesPerWindow: RENAMES_PER_WINDOW, windowDays: RENAME_WINDOW_DAYS };

export default async function SettingsPage() {
  const hostUserId = await requireHostForPage('/dashboard/settings');
  const [host, liveSessions] = await Promise.all([findHostSettings(db(), hostUserId), countLiveSessions(db(), hostUserId)]);
  if (!host) notFound();
  return (
    <>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>Settings</h1>
      </div>
      <div className={styles.sections}>
        <section aria-labelledby="profile-title" className={styles.section}>
          <h2 id="profile-title" className={styles.sectionTitle}>
            Profile
          </h2>
          <ProfileForm name={host.name} username={host.username} renamePolicy={renamePolicy} action={updateProfileAction} />
        </section>
        <section aria-labelledby="address-title" className={styles.section}>
          <h2 id="address-title" className={styles.sectionTitle}>
            Email address
          </h2>
          <EmailForm email={host.email} pendingEmail={host.pendingEmail} action={requestEmailChangeAction} />
        </section>
        <section aria-labelledby="zone-title" className={styles.section}>
          <h2 id="zone-title" className={styles.sectionTitle}>
            Time zone
          </h2>
          <TimeZoneForm timeZone={host.timeZone} action={saveTimeZoneAction} className={settingsStyles.form} />
        </section>
        <section aria-labelledby="clock-title" className={styles.section}>
          <h2 id="clock-title" className={styles.sectionTitle}>
            Time format
          </h2>
          <ClockForm hourCycle={host.hourCycle} automatic={host.automaticHourCycle} action={setClockPreferenceAction} />
        </section>
        <section aria-labelledby="email-title" className={styles.section}>
          <h2 id="email-title" className={styles.sectionTitle}>
            Emails
          </h2>
          <p className="muted">Every booking, cancellation and reschedule is emailed to you and your invitee.</p>
          <NotificationsForm hostReminderEmails={host.hostReminderEmails} action={updateNotificationPreferencesAction} />
        </section>
        <section aria-labelledby="password-title" className={styles.section}>
          <h2 id="password-title" className={styles.sectionTitle}>
            Password
          </h2>
          {host.hasPassword ? (
            <PasswordForm action={changePasswordAction} />
          ) : (
            <p className="muted">You sign in with Google or Microsoft, so your account has no password to change.</p>
          )}
        </section>
        <section aria-labelledby="sessions-title" className={styles.section}>
          <h2 id="sessions-title" className={styles.sectionTitle}>
            Sessions
          </h2>
          <SessionsForm otherSessions={Math.max(0, liveSessions - 1)} action={signOutOtherSessionsAction} />
        </section>
        <section aria-labelledby="webhooks-title" className={styles.section}>
          <h2 id="webhooks-title" className={styles.sectionTitle}>
            Webhooks
          </h2>
          <p className="muted">Tell another system about bookings and meeting type changes as they happen.</p>
          <p>
            <Link href="/dashboard/settings/webhooks">Manage webhooks</Link>
          </p>
        </section>
        <section aria-labelledby="api-title" className={styles.section}>
          <h2 id="api-title" className={styles.sectionTitle}>
            API
          </h2>
          <p className="muted">Let a script or another service read or change your meeting types, hours and bookings.</p>
          <p>
            <Link href="/dashboard/settings/api-keys">Manage API keys</Link> · <Link href="/docs/api">API reference</Link>
          </p>
        </section>
        <section aria-labelledby="data-title" className={styles.section}>
          <h2 id="data-title" className={styles.sectionTitle}>
            Your data
          </h2>
          <p className="muted">A JSON file of your profile, meeting types, hours, date overrides and bookings.</p>
          <p>
            <a href="/api/account/export" download>
              Download my data
            </a>
          </p>
          <DeleteAccount username={host.username} action={deleteAccountAction} />
        </section>
      </div>
    </>
  );
}

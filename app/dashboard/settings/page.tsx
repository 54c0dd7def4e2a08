import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import styles from '@/components/dashboard/dashboard.module.css';
import { NotificationsForm } from '@/components/dashboard/settings/notifications-form';
import { PasswordForm } from '@/components/dashboard/settings/password-form';
import { ProfileForm } from '@/components/dashboard/settings/profile-form';
import { TimeZoneForm } from '@/components/dashboard/settings/time-zone-form';
import { db } from '@/db/client';
import { requireHostForPage } from '@/lib/auth/current-host';
import { RENAME_WINDOW_DAYS, RENAMES_PER_WINDOW } from '@/lib/hosts/accounts/rename-limit';
import { findHostSettings } from '@/lib/hosts/accounts/settings';
import { USERNAME_REDIRECT_DAYS } from '@/lib/hosts/accounts/username-redirects';
import { changePasswordAction, changeTimeZoneAction, updateNotificationPreferencesAction, updateProfileAction } from './actions';

export const metadata: Metadata = { title: 'Settings' };

const renamePolicy = { redirectDays: USERNAME_REDIRECT_DAYS, renamesPerWindow: RENAMES_PER_WINDOW, windowDays: RENAME_WINDOW_DAYS };

export default async function SettingsPage() {
  const hostUserId = await requireHostForPage('/dashboard/settings');
  const host = await findHostSettings(db(), hostUserId);
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
          <p className="muted">Signed in as {host.email}.</p>
          <ProfileForm name={host.name} username={host.username} renamePolicy={renamePolicy} action={updateProfileAction} />
        </section>
        <section aria-labelledby="zone-title" className={styles.section}>
          <h2 id="zone-title" className={styles.sectionTitle}>
            Time zone
          </h2>
          <TimeZoneForm timeZone={host.timeZone} action={changeTimeZoneAction} />
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
      </div>
    </>
  );
}

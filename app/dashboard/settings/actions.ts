'use server';

import { z } from 'zod';
import { deleteAccountSchema, deleteHostAccount } from '@/lib/accounts/delete-account';
import { hostAction } from '@/lib/actions/host-action';
import { currentSessionId } from '@/lib/auth/current-host';
import { endOtherSessions } from '@/lib/hosts/accounts/live-sessions';
import { clockPreferenceSchema, setClockPreference } from '@/lib/hosts/accounts/clock-preference';
import { emailChangeSchema, requestEmailChange } from '@/lib/hosts/accounts/email-change';
import { reissueSession } from '@/lib/auth/reissue-session';
import { notificationPreferencesSchema, updateNotificationPreferences } from '@/lib/hosts/accounts/notification-preferences';
import { changeHostPassword, changePasswordSchema } from '@/lib/hosts/accounts/password-change';
import { profileSchema, updateHostProfile } from '@/lib/hosts/accounts/profile';

// The settings page's actions; each goes through hostAction (session → zod → lib → one result shape).

export const updateProfileAction = hostAction(profileSchema, (input, ctx) => updateHostProfile(ctx, input));

export const updateNotificationPreferencesAction = hostAction(notificationPreferencesSchema, (input, ctx) => updateNotificationPreferences(ctx, input));

export const setClockPreferenceAction = hostAction(clockPreferenceSchema, (input, ctx) => setClockPreference(ctx, input));

// The same service as the availability page's zone form: one place changes a host's zone.
/** Every other session ends; this browser gets a fresh session under the new version. */
export const changePasswordAction = hostAction(changePasswordSchema, async (input, ctx) => {
  await changeHostPassword(ctx, input);
  return { signedInAgain: await reissueSession(ctx.database, ctx.actor.userId, input.newPassword) };
});

/** The new address takes effect once the link mailed to it is opened. */
export const requestEmailChangeAction = hostAction(emailChangeSchema, (input, ctx) => requestEmailChange(ctx, input));

/** For password and OAuth hosts alike: every session but this browser's ends at once. */
export const signOutOtherSessionsAction = hostAction(z.object({}), async (_input, ctx) => ({
  ended: await endOtherSessions(ctx.database, ctx.actor.userId, await currentSessionId()),
}));

/** Typed confirmation (the username); cancels upcoming bookings (invitees emailed) and removes personal data. */
export const deleteAccountAction = hostAction(deleteAccountSchema, (input, ctx) => deleteHostAccount(ctx, input));

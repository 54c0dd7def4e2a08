import { z } from 'zod';
import { singleLineText } from '@/lib/api-fields';
import { teamRoles } from '@/db/schema';

// What the team verbs take, as the dashboard forms send them (FormData strings) or a caller passes them.
// Field names are the forms', so errors land beside the right input.

const id = z.string().max(64);

/** The same shape as a username (the teams_slug_format CHECK): /team/{slug} is a public address. */
export const teamSlugField = z
  .string({ error: 'Enter a URL slug' })
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters')
  .max(64, 'Use at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'Use letters, digits and inner hyphens only');

export const teamNameField = z.string({ error: 'Enter a name' }).pipe(singleLineText(255)).pipe(z.string().min(1, 'Enter a name'));

export const teamRoleField = z.enum(teamRoles, { error: 'Pick owner, admin or member' });

/** Lower-cased and trimmed, as team_invitations stores it and as sign-up stores an account's address. */
export const inviteEmailField = z
  .string({ error: 'Enter an email address' })
  .trim()
  .max(255, 'Use at most 255 characters')
  .pipe(z.email('Enter a valid email address'))
  .transform((email) => email.toLowerCase());

export const createTeamSchema = z.object({ name: teamNameField, slug: teamSlugField });
export const renameTeamSchema = z.object({ teamId: id, name: teamNameField });
export const inviteMemberSchema = z.object({ teamId: id, email: inviteEmailField, role: teamRoleField });
export const invitationIdSchema = z.object({ teamId: id, invitationId: id });
export const changeRoleSchema = z.object({ teamId: id, userId: id, role: teamRoleField });
export const memberSchema = z.object({ teamId: id, userId: id });
export const teamIdSchema = z.object({ teamId: id });
export const acceptInvitationSchema = z.object({ token: z.string().max(200) });
export type { TeamRole } from '@/db/schema';

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { singleLineText } from '@/lib/api-fields';
import { notFound, sqlStateOf, fieldError } from '@/lib/errors';
import type { HostContext } from '../host-write';
import { assertRenameAllowed, recordRename } from './rename-limit';
import { recordUsernameChange } from './username-redirects';
import { isReservedUsername, isUsernameTaken, RESERVED_USERNAME_MESSAGE, usernameFormat, usernameTaken } from './usernames';

// The host's public name and address. Neither changes slots, so no host lock or version bump: the
// public pages read both on every request. A rename is limited per window (rename-limit.ts) and may
// not take a reserved name; keeping the current one (the demo host's `demo`) is no rename.

export const profileSchema = z.object({
  name: singleLineText(255).pipe(z.string().min(1, 'Enter your name')),
  username: usernameFormat,
});
export type ProfileInput = z.infer<typeof profileSchema>;

export interface Profile {
  name: string;
  username: string;
  /** The username before this change, when it changed (its links now redirect). */
  previousUsername: string | null;
}

const usernameReserved = () => fieldError('invalid_request', 'username', RESERVED_USERNAME_MESSAGE);

export async function updateHostProfile(ctx: HostContext, input: ProfileInput): Promise<Profile> {
  const hostUserId = ctx.actor.userId;
  try {
    return await ctx.database.transaction(async (tx) => {
      const [current] = await tx
        .select({ id: users.id, username: users.username, timeZone: users.timeZone, hourCycle: users.hourCycle, locale: users.locale })
        .from(users)
        .where(eq(users.id, hostUserId))
        .for('update');
      if (!current) throw notFound('Host');
      const renamed = current.username !== input.username;
      if (renamed) {
        if (isReservedUsername(input.username)) throw usernameReserved();
        if (await isUsernameTaken(tx, input.username, hostUserId)) throw usernameTaken();
        await assertRenameAllowed(tx, current);
        await recordUsernameChange(tx, hostUserId, current.username, input.username);
        await recordRename(tx, hostUserId, current.username, input.username);
      }
      await tx.update(users).set({ name: input.name, username: input.username }).where(eq(users.id, hostUserId));
      return { name: input.name, username: input.username, previousUsername: renamed ? current.username : null };
    });
  } catch (error) {
    // Another host took the name between our check and our write.
    if (sqlStateOf(error) === '23505') throw usernameTaken();
    throw error;
  }
}

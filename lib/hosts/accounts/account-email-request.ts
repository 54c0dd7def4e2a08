import type { Transaction } from '@/db/client';
import type { AccountTokenPurpose } from '@/db/schema';
import { issueAccountToken } from '@/lib/hosts/accounts/account-tokens';
import { writeOutboxEvent } from '@/lib/jobs/outbox';

/**
 * Issues a single-use link and records the event that mails it, in the caller's transaction (the
 * outbox: the mail goes out only if the change commits). Returns the outbox row id to dispatch.
 */
export async function requestAccountEmail(tx: Transaction, input: { userId: string; purpose: AccountTokenPurpose; email: string; now: Date }): Promise<string> {
  const tokenId = await issueAccountToken(tx, input);
  return writeOutboxEvent(tx, 'account/email-requested', { tokenId });
}

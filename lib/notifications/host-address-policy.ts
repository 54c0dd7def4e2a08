import type { AccountTokenPurpose } from '@/db/schema';
import type { NoticeKind } from './notice-kinds';

// Who may be mailed at a host's address. Until the host proves they own it, the address receives
// only the mail that asks them to prove it: nothing a stranger who typed someone else's address at
// sign-up could use to send text from our domain. Every message to a host goes through this check
// (an account being deleted counts as unverified: it is mailed nothing more).

export type HostMailKind = NoticeKind | 'calendar_reauth' | 'calendar_sync_stopped' | 'webhook_disabled' | AccountTokenPurpose;

const proofRequests: readonly HostMailKind[] = ['verify_email', 'change_email'];

export function mayMailHostAddress(kind: HostMailKind, addressVerified: boolean): boolean {
  return addressVerified || proofRequests.includes(kind);
}

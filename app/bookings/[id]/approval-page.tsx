import { notFound } from 'next/navigation';
import { ApprovalDecision } from '@/components/approval/approval-decision';
import { db } from '@/lib/database';
import { loadApprovalRequest } from '@/lib/booking/approval-request';

/** The host's confirm page for a request (GET shows it; its button posts the answer): an unknown id or a wrong token is a 404. */
export async function ApprovalPage({ id, token, decision }: { id: string; token: string | string[] | undefined; decision: 'approve' | 'decline' }) {
  const request = await loadApprovalRequest(db(), id, token);
  if (!request || typeof token !== 'string') notFound();
  return <ApprovalDecision request={request} token={token} decision={decision} />;
}

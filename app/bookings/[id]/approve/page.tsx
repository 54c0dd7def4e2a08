import type { Metadata } from 'next';
import { ApprovalPage } from '../approval-page';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The link carries a secret: keep it out of search indexes and out of Referer headers.
export const metadata: Metadata = { title: 'Approve request', robots: { index: false }, referrer: 'no-referrer' };

export default async function ApproveRequestPage({ params, searchParams }: Props) {
  return <ApprovalPage id={(await params).id} token={(await searchParams).token} decision="approve" />;
}

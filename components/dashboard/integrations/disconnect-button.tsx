'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action-result';

export type DisconnectAction = (input: { connectionId: string }) => Promise<ActionResult<{ connectionId: string }>>;

export function DisconnectButton({ connectionId, label, action }: { connectionId: string; label: string; action: DisconnectAction }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`Disconnect ${label}`}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ connectionId });
            if (result.ok) router.refresh();
            else setError(result.error.message);
          })
        }
      >
        {pending ? 'Disconnecting…' : 'Disconnect'}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </>
  );
}

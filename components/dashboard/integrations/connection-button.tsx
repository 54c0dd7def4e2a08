'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action-result';

// A button that runs one server action on one connection, refreshes the page when it worked, and
// shows the action's refusal (rate limit, not found) beside it.

export type ConnectionAction<T> = (input: { connectionId: string }) => Promise<ActionResult<T>>;

export function ConnectionButton<T>(props: {
  connectionId: string;
  action: ConnectionAction<T>;
  children: string;
  pendingText: string;
  ariaLabel: string;
  variant?: 'primary' | 'secondary';
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant={props.variant ?? 'secondary'}
        disabled={pending}
        aria-label={props.ariaLabel}
        onClick={() =>
          startTransition(async () => {
            const result = await props.action({ connectionId: props.connectionId });
            setError(result.ok ? null : result.error.message);
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? props.pendingText : props.children}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </>
  );
}

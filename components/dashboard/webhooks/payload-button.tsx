'use client';

import { startTransition, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';

// One button that runs one server action with a fixed input, refreshes the page when it worked,
// and shows the refusal (rate limit, not found) or what the success returned beside it.

export function PayloadButton<T, P>(props: {
  action: FormAction<T, P>;
  payload: P;
  children: string;
  pendingText: string;
  ariaLabel?: string;
  variant?: ButtonVariant;
  /** What to show after a success (a new secret), if anything. */
  done?: (data: T) => ReactNode;
}) {
  const [state, dispatch, pending] = useFormAction(props.action, { refresh: true });
  return (
    <>
      <Button variant={props.variant ?? 'secondary'} disabled={pending} aria-label={props.ariaLabel} onClick={() => startTransition(() => dispatch(props.payload))}>
        {pending ? props.pendingText : props.children}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok && props.done ? props.done(state.data) : null}
    </>
  );
}

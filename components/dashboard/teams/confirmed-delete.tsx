'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, startTransition, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';

interface Props<P> {
  /** The button's words, also the dialog's confirm label unless `confirmLabel` says otherwise. */
  label: string;
  confirmLabel?: string;
  title: string;
  /** What goes and what stays. */
  children: ReactNode;
  action: FormAction<unknown, P>;
  input: P;
  /** Where to go once deleted. */
  then: string;
  className?: string;
}

/** A danger button that deletes behind the shared confirm dialog, shows a refusal inside it, then navigates away. */
export function ConfirmedDelete<P>({ label, confirmLabel, title, children, action, input, then, className }: Props<P>) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useFormAction(action, { onSuccess: () => router.push(then) });
  const [dismissed, setDismissed] = useState<unknown>(null);
  return (
    <div className={className}>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        isOpen={open}
        title={title}
        confirmLabel={confirmLabel ?? label}
        pendingLabel="Deleting…"
        pending={pending}
        error={state && !state.ok && state !== dismissed ? state.error.message : null}
        onCancel={() => {
          setDismissed(state);
          setOpen(false);
        }}
        onConfirm={() => startTransition(() => dispatch(input))}
      >
        {children}
      </ConfirmDialog>
    </div>
  );
}

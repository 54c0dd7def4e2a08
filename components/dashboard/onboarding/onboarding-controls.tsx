'use client';

import { startTransition } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { CopyLinkButton } from '@/components/dashboard/meeting-types/copy-link-button';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { OnboardingMark } from '@/lib/hosts/onboarding/record-step';

// The checklist's buttons: each records a mark and re-renders the checklist from the server.

export type MarkOnboarding = FormAction<OnboardingMark>;

export function MarkButton({ mark, action, label, pendingLabel, variant = 'secondary' }: { mark: OnboardingMark['mark']; action: MarkOnboarding; label: string; pendingLabel: string; variant?: 'secondary' | 'ghost' }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  return (
    <ActionForm dispatch={submit}>
      <input type="hidden" name="mark" value={mark} />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {state && !state.ok ? <span role="alert">{state.error.message}</span> : null}
    </ActionForm>
  );
}

/** Copies the booking page's address and, once copied, ticks the step. */
export function CopyPageLink({ path, action }: { path: string; action: MarkOnboarding }) {
  const [, submit] = useFormAction(action, { refresh: true });
  const record = () => {
    const form = new FormData();
    form.set('mark', 'linkCopied');
    submit(form);
  };
  return <CopyLinkButton path={path} name="your booking page" onCopied={() => startTransition(record)} />;
}

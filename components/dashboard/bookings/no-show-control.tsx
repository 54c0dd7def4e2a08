'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

/** Marks the invitee as not having come, or takes it back (only shown once the meeting started). */
export function NoShowControl({ bookingId, noShow, action }: { bookingId: string; noShow: boolean; action: FormAction<{ noShow: boolean }> }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  const error = formError(state);
  return (
    <ActionForm dispatch={submit}>
      <input type="hidden" name="bookingId" value={bookingId} />
      {/* An absent checkbox reads as false: undoing sends no `noShow`. */}
      {noShow ? null : <input type="hidden" name="noShow" value="on" />}
      <Button type="submit" variant="secondary" disabled={pending}>
        {noShow ? 'Undo no-show' : 'Mark as no-show'}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </ActionForm>
  );
}

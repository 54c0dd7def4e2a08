import { useRouter } from 'next/navigation';
import { type FormEvent, startTransition, useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';

/** A hostAction as a client calls it: with the form's FormData, or (for editors kept in state) its input. */
export type FormAction<T, P = FormData> = (payload: P) => Promise<ActionResult<T>>;

/**
 * The one client action idiom: a hostAction as a form dispatcher: the last result, the dispatcher and whether it is running.
 * `refresh` re-renders the server parts after a success (the header shows the username). A control
 * that is not a form (a menu item) dispatches its own payload, inside `startTransition`.
 */
export function useFormAction<T, P = FormData>(action: FormAction<T, P>, options: { refresh?: boolean; onSuccess?: (data: T) => void } = {}) {
  const router = useRouter();
  return useActionState(async (_previous: ActionResult<T> | null, payload: P) => {
    const result = await action(payload);
    if (result.ok) {
      options.onSuccess?.(result.data);
      if (options.refresh) router.refresh();
    }
    return result;
  }, null);
}

/**
 * An onSubmit for an editor whose state is not in its fields (a week of windows, a list of dates):
 * dispatches `payload()` in a transition, as ActionForm does with the FormData.
 */
export function submitPayload<P>(dispatch: (payload: P) => void, payload: () => P) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = payload();
    startTransition(() => dispatch(input));
  };
}

/** The message for the whole form: a failure that no field explains. */
export function formError<T>(state: ActionResult<T> | null): string | null {
  return state && !state.ok && !state.error.fieldErrors ? state.error.message : null;
}

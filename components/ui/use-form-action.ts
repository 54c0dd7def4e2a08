import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';

export type FormAction<T> = (form: FormData) => Promise<ActionResult<T>>;

/**
 * The one client action idiom: a hostAction as a form dispatcher: the last result, the dispatcher and whether it is running.
 * `refresh` re-renders the server parts after a success (the header shows the username). A control
 * that is not a form (a menu item) dispatches its own payload, inside `startTransition`.
 */
export function useFormAction<T, P = FormData>(action: (payload: P) => Promise<ActionResult<T>>, options: { refresh?: boolean; onSuccess?: (data: T) => void } = {}) {
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

/** The message for the whole form: a failure that no field explains. */
export function formError<T>(state: ActionResult<T> | null): string | null {
  return state && !state.ok && !state.error.fieldErrors ? state.error.message : null;
}

'use client';

import { type FormHTMLAttributes, type Ref, startTransition } from 'react';

// A form that hands its FormData to an action dispatcher (from useActionState) without React's
// automatic reset, so what the person typed stays put when the server answers with field errors.
// A form that should clear after success passes a ref and calls reset() itself.

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit'> & { dispatch: (form: FormData) => void; ref?: Ref<HTMLFormElement> };

export function ActionForm({ dispatch, children, ...form }: Props) {
  return (
    <form
      {...form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {children}
    </form>
  );
}

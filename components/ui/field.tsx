import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';
import styles from './field.module.css';

interface FieldProps {
  label: string;
  /** Shown under the control and announced with it. */
  error?: string | undefined;
  hint?: ReactNode;
  /** Marks the field optional: true for "(optional)", or the word in the page's language. */
  optional?: boolean | string;
}

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** The label, hint and error around a control; for a compound control (a number and its unit) too. */
export function FieldFrame({ id, label, error, hint, optional, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {optional ? <span className={styles.optional}> ({optional === true ? 'optional' : optional})</span> : null}
      </label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A control's hint and error, under the ids its aria-describedby names (`{id}-hint`, `{id}-error`). */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** What ties a control to its label, hint and error. */
export function fieldControlProps(id: string, error: string | undefined, hint: ReactNode) {
  return {
    id,
    className: styles.control,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy([hint !== undefined && `${id}-hint`, error && `${id}-error`]),
  };
}

/** A labelled <input> whose hint and error are tied to it for assistive technology. */
export function TextField({ label, error, hint, optional, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} optional={optional}>
      <input
        {...fieldControlProps(id, error, hint)}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextAreaField({ label, error, hint, optional, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} optional={optional}>
      <textarea
        {...fieldControlProps(id, error, hint)}
        {...textarea}
      />
    </FieldFrame>
  );
}

/** A labelled native <select> (keyboard, screen reader and mobile pickers come with the platform). */
export function SelectField({ label, error, hint, optional, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} optional={optional}>
      <select
        {...fieldControlProps(id, error, hint)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

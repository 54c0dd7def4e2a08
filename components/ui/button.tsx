import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'react';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface Look {
  variant?: ButtonVariant;
  /** Full width of its container. */
  block?: boolean;
}

export function buttonClassName({ variant = 'primary', block = false }: Look, extra?: string): string {
  return [styles.button, styles[variant], block ? styles.block : '', extra ?? ''].filter(Boolean).join(' ');
}

/** A real <button>; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant, block, className, type = 'button', ...rest }: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClassName({ variant, block }, className)} {...rest} />;
}

/** A link that looks like a button (for navigation, not actions). */
export function ButtonLink({ variant, block, className, ...rest }: Look & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={buttonClassName({ variant, block }, className)} {...rest} />;
}

'use client';

import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import styles from './dialog.module.css';

interface Props {
  isOpen: boolean;
  /** Escape, or a click outside when dismissable: asks to close. */
  onClose: () => void;
  /** False while the dialog's action runs, so it cannot be closed half-way. */
  isDismissable: boolean;
  title: ReactNode;
  /** `alertdialog` for a destructive confirmation. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/**
 * The app's modal dialog (react-aria: focus is trapped, Escape closes, focus returns to the trigger).
 * Its buttons go in a `DialogActions` row.
 */
export function ModalDialog({ isOpen, onClose, isDismissable, title, role = 'dialog', children }: Props) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && isDismissable && onClose()} isDismissable={isDismissable} className={styles.overlay}>
      <Modal className={styles.modal}>
        <Dialog role={role} className={styles.dialog}>
          <Heading slot="title" className={styles.dialogTitle}>
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export function DialogText({ children }: { children: ReactNode }) {
  return <p className={styles.dialogText}>{children}</p>;
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className={styles.dialogActions}>{children}</div>;
}

/** The class of a form inside a dialog (fields above its DialogActions). */
export const dialogFormClassName = styles.dialogForm;

'use client';

import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import styles from './meeting-type-list.module.css';

export type RowAction = 'duplicate' | 'toggle' | 'delete';

/** The "⋯" menu of one meeting type (react-aria: keyboard, focus and screen-reader behaviour). */
export function RowActionsMenu({ name, isActive, disabled, onAction }: { name: string; isActive: boolean; disabled: boolean; onAction: (action: RowAction) => void }) {
  return (
    <MenuTrigger>
      <Button className={styles.menuButton} aria-label={`More actions for ${name}`} isDisabled={disabled}>
        <span aria-hidden="true">⋯</span>
      </Button>
      <Popover className={styles.popover} placement="bottom end">
        <Menu className={styles.menu} onAction={(key) => onAction(key as RowAction)}>
          <MenuItem id="duplicate" className={styles.menuItem}>
            Duplicate
          </MenuItem>
          <MenuItem id="toggle" className={styles.menuItem}>
            {isActive ? 'Deactivate' : 'Activate'}
          </MenuItem>
          <MenuItem id="delete" className={`${styles.menuItem} ${styles.menuItemDanger}`}>
            Delete…
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

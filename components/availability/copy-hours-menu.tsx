'use client';

import { useId, useState } from 'react';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { Button, buttonClassName } from '@/components/ui/button';
import { DISPLAY_ORDER, weekdayName, WORKING_DAYS } from '@/lib/hosts/availability/weekdays';
import styles from './availability.module.css';

// "Copy to…" beside a day: a popover with a checkbox for each other day. No form inside (it sits in
// the weekly hours form, and a portal's submit would still reach it); "Copy" applies and closes.

export function CopyHoursMenu({ fromDay, onCopy }: { fromDay: number; onCopy: (targets: number[]) => void }) {
  const name = weekdayName(fromDay);
  const titleId = useId();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const others = DISPLAY_ORDER.filter((day) => day !== fromDay);
  const toggle = (day: number, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(day);
      else next.delete(day);
      return next;
    });

  return (
    <DialogTrigger onOpenChange={(open) => open && setChosen(new Set())}>
      <AriaButton className={buttonClassName({ variant: 'ghost' }, styles.copy)}>
        <span>
          Copy <span className={styles.visuallyHidden}>{name}’s hours </span>to…
        </span>
      </AriaButton>
      <Popover className={styles.copyPopover} placement="bottom end">
        <Dialog className={styles.copyDialog} aria-labelledby={titleId}>
          {({ close }) => (
            <>
              <Heading id={titleId} slot="title" className={styles.copyTitle}>
                Copy {name}’s hours to
              </Heading>
              <ul className={styles.copyDays}>
                {others.map((day) => (
                  <li key={day}>
                    <label className={styles.copyDay}>
                      <input type="checkbox" checked={chosen.has(day)} onChange={(event) => toggle(day, event.target.checked)} /> {weekdayName(day)}
                    </label>
                  </li>
                ))}
              </ul>
              <div className={styles.copyActions}>
                <Button variant="ghost" onClick={() => setChosen(new Set(WORKING_DAYS.filter((day) => day !== fromDay)))}>
                  Select weekdays
                </Button>
                <Button
                  variant="secondary"
                  disabled={chosen.size === 0}
                  onClick={() => {
                    onCopy([...chosen]);
                    close();
                  }}
                >
                  Copy
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

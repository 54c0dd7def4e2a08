'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LazyTimeZoneCombobox } from '@/components/ui/lazy-time-zone-combobox';
import { addDays } from '@/lib/scheduling/calendar-date';
import type { Slot } from './api-client';
import { addMonths, bookableRange, firstDayOfMonth, monthOf } from './calendar-month';
import { localDateKey } from './format-time';
import { HourCycleToggle } from './hour-cycle-toggle';
import { MonthCalendar } from './month-calendar';
import { OPENING_TIMES_ID, takePendingPick } from './opening-times-fill';
import type { OpeningSlots } from './opening-slots';
import styles from './slot-picker.module.css';
import { TimeList } from './time-list';
import { useAvailability } from './use-availability';

interface Props {
  meetingTypeId: string;
  /** The invitee's zone; null until the browser has told us (first render, on the server). */
  timeZone: string | null;
  onTimeZoneChange: (timeZone: string) => void;
  maxDaysInFuture: number;
  /** Bump to fetch the open times again. */
  revision: number;
  /** The first month's slots, sent with the page: that month needs no request. */
  openingSlots?: OpeningSlots | null | undefined;
  onPick: (slot: Slot) => void;
  /** On a reschedule link: also offer times that overlap the booking being moved. */
  rescheduleToken?: string | undefined;
  /** On the dashboard: the host's own booking being moved, which counts as free. */
  hostBookingId?: string | undefined;
  /** The booking's current start on a reschedule link: moving there would change nothing, so it is not offered. */
  excludeStart?: string | undefined;
}

function groupByLocalDay(slots: Slot[], timeZone: string): Map<string, Slot[]> {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = localDateKey(slot.start, timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return days;
}

/** A month of dates and the open times of the chosen date, in the invitee's zone. */
export function SlotPicker({ meetingTypeId, timeZone, onTimeZoneChange, maxDaysInFuture, revision, openingSlots = null, onPick, rescheduleToken, hostBookingId, excludeStart }: Props) {
  const t = useTranslations('invitee.pick');
  const [chosenMonth, setChosenMonth] = useState<string | null>(null);
  const [chosenDay, setChosenDay] = useState<string | null>(null);

  const today = timeZone ? localDateKey(Date.now(), timeZone) : null;
  const lastBookableDay = today ? addDays(today, maxDaysInFuture) : null;
  const month = chosenMonth ?? (today ? monthOf(today) : null);
  const range = month && today && lastBookableDay ? bookableRange(month, today, lastBookableDay) : null;
  const availability = useAvailability(
    range && timeZone ? { meetingTypeId, start: range.start, end: range.end, timezone: timeZone, rescheduleToken, hostBookingId } : null,
    revision,
    openingSlots,
  );

  const days = useMemo(
    () => groupByLocalDay(excludeStart ? availability.slots.filter((slot) => Date.parse(slot.start) !== Date.parse(excludeStart)) : availability.slots, timeZone ?? 'UTC'),
    [availability.slots, timeZone, excludeStart],
  );
  const openTimes = useMemo(() => new Map([...days].map(([day, slots]) => [day, slots.length])), [days]);
  const selectedDay = chosenDay !== null && days.has(chosenDay) ? chosenDay : ([...days.keys()][0] ?? null);
  const selectedSlots = selectedDay ? (days.get(selectedDay) ?? []) : [];

  // A time clicked in the inline script's list (before hydration) is picked now.
  const ready = availability.status === 'ready';
  useEffect(() => {
    const pending = ready ? takePendingPick() : null;
    const slot = pending ? availability.slots.find((candidate) => candidate.start === pending) : undefined;
    if (slot) onPick(slot);
  }, [ready, availability.slots, onPick]);

  if (!timeZone || !today || !month || !lastBookableDay) {
    if (!openingSlots) return <p className={styles.placeholder}>{t('loading')}</p>;
    // Before the zone is known (the server's render and hydration): an empty box that the inline
    // script (OpeningTimesScript) fills with the first day's times; React never touches its children.
    return (
      <div className={styles.picker}>
        <div className={styles.columns}>
          <p className={styles.placeholder}>{t('loading')}</p>
          <div id={OPENING_TIMES_ID} dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />
        </div>
      </div>
    );
  }

  const canGoBack = month > monthOf(today);
  const canGoForward = firstDayOfMonth(addMonths(month, 1)) <= lastBookableDay;
  const stepMonth = (step: -1 | 1) => setChosenMonth(addMonths(month, step));
  const loading = availability.status === 'loading' || availability.status === 'idle';

  return (
    <div className={styles.picker} aria-busy={loading}>
      <div className={styles.columns}>
        <div>
          <MonthCalendar
            month={month}
            today={today}
            openTimes={openTimes}
            selectedDay={selectedDay}
            onSelectDay={setChosenDay}
            canGoBack={canGoBack}
            canGoForward={canGoForward}
            onMonthStep={stepMonth}
          />
          <div className={styles.zone}>
            <LazyTimeZoneCombobox label={t('timeZone')} value={timeZone} onChange={onTimeZoneChange} />
            <HourCycleToggle />
          </div>
        </div>
        <div aria-live="polite">
          {loading ? <p className={styles.placeholder}>{t('loading')}</p> : null}
          {availability.status === 'error' ? (
            <Alert tone="error" title={t('loadFailed')}>
              <p>{availability.message}</p>
              <Button variant="secondary" onClick={availability.refresh} className={styles.retry}>
                {t('tryAgain')}
              </Button>
            </Alert>
          ) : null}
          {availability.status === 'ready' && selectedDay === null ? (
            <div className={styles.empty}>
              <p>{t('empty')}</p>
              {canGoForward ? (
                <Button variant="secondary" onClick={() => stepMonth(1)}>
                  {t('showNextMonth')}
                </Button>
              ) : null}
            </div>
          ) : null}
          {availability.status === 'ready' && selectedDay !== null ? (
            <TimeList day={selectedDay} slots={selectedSlots} timeZone={timeZone} onPick={onPick} />
          ) : null}
        </div>
      </div>
    </div>
  );
}

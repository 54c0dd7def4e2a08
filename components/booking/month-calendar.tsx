import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { weekStartsOn } from '@/lib/i18n/locales';
import { formatMonth, monthWeeks, weekdayNames } from './calendar-month';
import { formatDayHeading } from './format-time';
import styles from './slot-picker.module.css';

interface Props {
  month: string;
  today: string;
  /** Open times per invitee-local day of this month; days not in it have none. */
  openTimes: Map<string, number>;
  selectedDay: string | null;
  onSelectDay: (day: string) => void;
  canGoBack: boolean;
  canGoForward: boolean;
  onMonthStep: (step: -1 | 1) => void;
}

/** Weeks start on the language's first day (Sunday in English, Monday in German, French, Spanish). */
export function MonthCalendar({ month, today, openTimes, selectedDay, onSelectDay, canGoBack, canGoForward, onMonthStep }: Props) {
  const t = useTranslations('invitee.pick');
  const locale = useLocale();
  const weekStart = weekStartsOn[locale];
  const monthName = formatMonth(month, locale);
  return (
    <div className={styles.calendar}>
      <div className={styles.monthBar}>
        <Button variant="ghost" aria-label={t('previousMonth')} disabled={!canGoBack} onClick={() => onMonthStep(-1)}>
          ‹
        </Button>
        <h3 className={styles.monthTitle} aria-live="polite">
          {monthName}
        </h3>
        <Button variant="ghost" aria-label={t('nextMonth')} disabled={!canGoForward} onClick={() => onMonthStep(1)}>
          ›
        </Button>
      </div>
      <table className={styles.monthGrid} aria-label={t('datesIn', { month: monthName })}>
        <thead>
          <tr>
            {weekdayNames(locale, weekStart).map(({ short, long }) => (
              <th key={long} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month, weekStart).map((week) => (
            <tr key={week.find(Boolean) ?? 'pad'}>
              {week.map((day, index) => {
                if (day === null) return <td key={`pad-${index}`} />;
                const count = openTimes.get(day) ?? 0;
                const classes = [styles.day, count > 0 ? styles.dayOpen : '', day === today ? styles.today : ''];
                return (
                  <td key={day}>
                    <button
                      type="button"
                      className={classes.filter(Boolean).join(' ')}
                      disabled={count === 0}
                      aria-pressed={day === selectedDay}
                      aria-label={t('dayLabel', { day: formatDayHeading(day, locale), count })}
                      onClick={() => onSelectDay(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

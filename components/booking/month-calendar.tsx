import { Button } from '@/components/ui/button';
import { formatMonth, monthWeeks } from './calendar-month';
import { formatDayHeading } from './format-time';
import styles from './slot-picker.module.css';

const WEEKDAYS = [
  ['Sun', 'Sunday'],
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
] as const;

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

function dayLabel(day: string, count: number): string {
  const times = count === 0 ? 'no open times' : `${count} open ${count === 1 ? 'time' : 'times'}`;
  return `${formatDayHeading(day)}, ${times}`;
}

export function MonthCalendar({ month, today, openTimes, selectedDay, onSelectDay, canGoBack, canGoForward, onMonthStep }: Props) {
  return (
    <div className={styles.calendar}>
      <div className={styles.monthBar}>
        <Button variant="ghost" aria-label="Previous month" disabled={!canGoBack} onClick={() => onMonthStep(-1)}>
          ‹
        </Button>
        <h3 className={styles.monthTitle} aria-live="polite">
          {formatMonth(month)}
        </h3>
        <Button variant="ghost" aria-label="Next month" disabled={!canGoForward} onClick={() => onMonthStep(1)}>
          ›
        </Button>
      </div>
      <table className={styles.monthGrid} aria-label={`Dates in ${formatMonth(month)}`}>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
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
                      aria-label={dayLabel(day, count)}
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

import Link from 'next/link';
import type { TroubleshootCandidate, Troubleshooting } from '@/lib/availability/troubleshoot';
import { formatClock, type HourCycle } from '@/lib/hosts/host-clock';
import { reasonText, seatsText } from './troubleshoot-text';
import styles from './troubleshoot.module.css';

// Every candidate start of the day with why it is (not) offered. Runs of closed hours (only "outside
// your hours") fold into one row, so the open part of the day is what the eye lands on.

type Row = { kind: 'closed'; first: TroubleshootCandidate; last: TroubleshootCandidate; count: number; text: string } | { kind: 'start'; candidate: TroubleshootCandidate };

const closedText = (candidate: TroubleshootCandidate, timeZone: string, cycle: HourCycle): string | null =>
  candidate.reasons.length === 1 && (candidate.reasons[0]!.kind === 'outside_weekly_hours' || candidate.reasons[0]!.kind === 'date_override')
    ? reasonText(candidate.reasons[0]!, timeZone, cycle)
    : null;

function rowsOf(candidates: TroubleshootCandidate[], timeZone: string, cycle: HourCycle): Row[] {
  const rows: Row[] = [];
  for (const candidate of candidates) {
    const text = closedText(candidate, timeZone, cycle);
    const last = rows[rows.length - 1];
    if (text !== null && last?.kind === 'closed' && last.text === text) {
      last.last = candidate;
      last.count++;
    } else if (text !== null) rows.push({ kind: 'closed', first: candidate, last: candidate, count: 1, text });
    else rows.push({ kind: 'start', candidate });
  }
  return rows;
}

export function TroubleshootResults({ result, hourCycle }: { result: Troubleshooting; hourCycle: HourCycle }) {
  const { timeZone } = result;
  const offered = result.candidates.filter((candidate) => candidate.offered).length;
  const staleNames = result.staleCalendars.map((calendar) => calendar.name).join(', ');
  return (
    <section className={styles.results} aria-labelledby="troubleshoot-results">
      <h2 id="troubleshoot-results" className={styles.resultsTitle}>
        {offered} of {result.candidates.length} start times offered
      </h2>
      <p className={styles.zoneNote}>Times are in the time zone of this meeting type’s schedule, {timeZone.replaceAll('_', ' ')}.</p>
      <ol className={styles.list}>
        {rowsOf(result.candidates, timeZone, hourCycle).map((row) =>
          row.kind === 'closed' ? (
            <li key={row.first.start.toISOString()} className={styles.row}>
              <span className={styles.time}>
                {formatClock(row.first.start, timeZone, hourCycle)}
                {row.count > 1 ? `–${formatClock(row.last.start, timeZone, hourCycle)}` : ''}
              </span>
              <span className={`${styles.status} ${styles.closed}`}>Not offered</span>
              <p className={styles.reason}>
                {row.text}
                {row.count > 1 ? ` (${row.count} start times)` : ''}
              </p>
            </li>
          ) : (
            <li key={row.candidate.start.toISOString()} className={styles.row}>
              <span className={styles.time}>{formatClock(row.candidate.start, timeZone, hourCycle)}</span>
              {row.candidate.offered ? (
                <span className={`${styles.status} ${styles.offered}`}>Offered</span>
              ) : (
                <span className={`${styles.status} ${styles.blocked}`}>Not offered</span>
              )}
              <ul className={styles.reasons}>
                {row.candidate.reasons.map((reason, index) => (
                  <li key={index} className={styles.reason}>
                    {reasonText(reason, timeZone, hourCycle)}
                    {reason.kind === 'booking' || reason.kind === 'booking_buffer' ? (
                      <>
                        {' '}
                        <Link href={`/dashboard/bookings/${reason.bookingId}`}>{reason.awaitingApproval ? 'View request' : 'View booking'}</Link>
                      </>
                    ) : null}
                  </li>
                ))}
                {row.candidate.seats && !row.candidate.reasons.some((reason) => reason.kind === 'full') ? <li className={styles.reason}>{seatsText(row.candidate.seats)}</li> : null}
                {row.candidate.offered && staleNames ? <li className={styles.reason}>Calendar stale: busy times from {staleNames} may be out of date.</li> : null}
              </ul>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

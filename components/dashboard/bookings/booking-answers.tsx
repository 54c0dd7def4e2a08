import { answerItems } from '@/lib/answer-text';
import type { HostBookingDetail } from '@/lib/hosts/bookings/detail';
import styles from './bookings.module.css';

/** The invitee's answers in the booking's details list: each question as it was asked, then the answer, as text. */
export function BookingAnswers({ answers }: { answers: HostBookingDetail['answers'] }) {
  const items = answerItems(answers);
  if (items.length === 0) return null;
  return (
    <>
      <dt>Answers</dt>
      <dd>
        <dl className={styles.answers} data-testid="booking-answers">
          {items.map(({ label, text }, index) => (
            // Two questions may share a label; their order is fixed.
            <div key={`${index}:${label}`} className={styles.answer}>
              <dt>{label}</dt>
              <dd className={styles.notes}>{text}</dd>
            </div>
          ))}
        </dl>
      </dd>
    </>
  );
}

import type { ReactNode } from 'react';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { ButtonLink } from '@/components/ui/button';
import type { OnboardingChecklist as Checklist, OnboardingStep } from '@/lib/hosts/onboarding/checklist';
import { CopyPageLink, MarkButton, type MarkOnboarding } from './onboarding-controls';
import styles from './onboarding.module.css';

// The first-run checklist above the bookings: five steps, each with what it is about and the one
// thing to do next. Progress comes from the server (lib/hosts/onboarding/checklist.ts).

interface Props {
  checklist: Checklist;
  /** The host's page as they share it: https://…/{username}. */
  pageUrl: string;
  mark: MarkOnboarding;
}

function Step({ title, done, children, actions }: { title: string; done: boolean; children: ReactNode; actions?: ReactNode }) {
  return (
    <li className={done ? `${styles.step} ${styles.done}` : styles.step}>
      <span className={styles.tick} aria-hidden="true">
        {done ? '✓' : ''}
      </span>
      <div className={styles.stepBody}>
        <h3 className={styles.stepTitle}>
          {title} <span className={done ? styles.statusDone : styles.statusTodo}>{done ? 'Done' : 'To do'}</span>
        </h3>
        <div className={styles.stepText}>{children}</div>
        {actions && !done ? <div className={styles.stepActions}>{actions}</div> : null}
      </div>
    </li>
  );
}

export function OnboardingChecklist({ checklist, pageUrl, mark }: Props) {
  const { done } = checklist;
  const steps = Object.keys(done) as OnboardingStep[];
  const count = steps.filter((step) => done[step]).length;
  const allDone = count === steps.length;
  return (
    <section className={`${dashboardStyles.section} ${styles.checklist}`} aria-labelledby="onboarding-title">
      <div className={styles.header}>
        <h2 id="onboarding-title" className={styles.title}>
          {allDone ? 'You are ready to take bookings' : 'Get ready to take bookings'}
        </h2>
        <MarkButton mark="dismissed" action={mark} label="Hide checklist" pendingLabel="Hiding…" variant="ghost" />
      </div>
      <p id="onboarding-progress" className={styles.progressText}>
        {count} of {steps.length} done
      </p>
      <progress className={styles.progress} value={count} max={steps.length} aria-labelledby="onboarding-progress" />
      <ol className={styles.steps}>
        <Step title="Verify your email" done={done.confirmEmail}>
          {done.confirmEmail ? 'Your address is confirmed.' : 'Open the link we emailed you. Your booking page takes bookings once your address is confirmed.'}
        </Step>
        <Step
          title="Check your hours"
          done={done.checkHours}
          actions={
            <>
              <MarkButton mark="hoursChecked" action={mark} label="These are right" pendingLabel="Saving…" />
              <ButtonLink href="/dashboard/availability" variant="ghost">
                Change hours
              </ButtonLink>
            </>
          }
        >
          You can be booked {checklist.hoursSummary}, {checklist.timeZone}.
        </Step>
        <Step
          title="Create or edit a meeting type"
          done={done.meetingType}
          actions={
            checklist.firstMeetingTypeId ? (
              <ButtonLink href={`/dashboard/meeting-types/${checklist.firstMeetingTypeId}`} variant="secondary">
                Edit meeting type
              </ButtonLink>
            ) : (
              <ButtonLink href="/dashboard/meeting-types/new" variant="secondary">
                New meeting type
              </ButtonLink>
            )
          }
        >
          {checklist.firstMeetingTypeId ? 'A 30 minute meeting is ready to book. Give it your own name, length and location, or add another kind.' : 'Make the kind of meeting people can book with you.'}
        </Step>
        <Step
          title="Connect a calendar"
          done={done.connectCalendar}
          actions={
            <ButtonLink href="/dashboard/integrations" variant="secondary">
              Connect a calendar
            </ButtonLink>
          }
        >
          {done.connectCalendar ? 'Busy times in your calendar are not offered.' : 'So times you are busy elsewhere are not offered.'}
        </Step>
        <Step title="Copy your link" done={done.copyLink}>
          <p className={styles.linkRow}>
            Share your booking page: <code className={styles.url}>{pageUrl}</code>
          </p>
          <CopyPageLink path={`/${checklist.username}`} action={mark} />
        </Step>
      </ol>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';
import { EmbedRoot } from '@/components/embed/embed-root';
import type { LinkState } from '@/lib/booking/one-time-links/link-state';
import styles from './booking-layout.module.css';
import { LanguagePicker } from './language-picker';
import own from './one-time-link-refused.module.css';

const words = {
  used: { title: 'usedTitle', body: 'usedBody' },
  expired: { title: 'expiredTitle', body: 'expiredBody' },
  invalid: { title: 'invalidTitle', body: 'invalidBody' },
} as const;

/** /d/{token} when the link cannot book: used, expired, or unknown (a revoked link says the same as a forged one). */
export async function OneTimeLinkRefused({ state, embedded }: { state: Exclude<LinkState, 'open'>; embedded: boolean }) {
  const t = await getTranslations('oneTimeLinks');
  const content = (
    <>
      <div className={styles.topBar}>
        <span />
        <LanguagePicker />
      </div>
      <section className={styles.card} data-testid="one-time-link-refused" data-state={state}>
        <h1 className={styles.panelTitle}>{t(words[state].title)}</h1>
        <p>{t(words[state].body)}</p>
      </section>
    </>
  );
  return embedded ? <EmbedRoot>{content}</EmbedRoot> : <main className={`${styles.page} ${own.narrow}`}>{content}</main>;
}

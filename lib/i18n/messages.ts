import 'server-only';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import type { Locale } from './locales';

// The catalogues, one per language (messages/*.json). English is the reference: its shape is the
// type every other catalogue must have (catalogues.test.ts also checks keys and ICU placeholders).
// Server side only: a page hands the browser just its own language's `invitee` part.

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en, de, fr, es };

/** What an invitee page's client components need: its language's `invitee`, `invite`, `policy`, `oneTimeLinks`, `questions`, `approval` and `seats` namespaces. */
export function inviteeMessages(locale: Locale): Pick<Messages, 'invitee' | 'invite' | 'policy' | 'oneTimeLinks' | 'questions' | 'approval' | 'seats'> {
  const { invitee, invite, policy, oneTimeLinks, questions, approval, seats } = catalogues[locale];
  return { invitee, invite, policy, oneTimeLinks, questions, approval, seats };
}

import { describe, expect, it } from 'vitest';
import { bookingCancelledLayout } from '@/emails/booking-cancelled-email';
import { bookingConfirmedLayout } from '@/emails/booking-confirmed-email';
import { bookingReminderLayout } from '@/emails/booking-reminder-email';
import { bookingRescheduledLayout } from '@/emails/booking-rescheduled-email';
import { newTimeRequestedLayout } from '@/emails/new-time-requested-email';
import { bookingEmailText, sampleInvitee } from '@/emails/components/booking-email';
import { locales } from '@/lib/i18n/locales';
import { emailTranslator } from '@/lib/i18n/translator';

// Every booking email, for both recipients, in every language: whole sentences, no raw keys or
// placeholders left, and the language's own words.

describe('booking emails in each language', () => {
  for (const locale of locales) {
    it(`${locale}: every layout reads as finished text`, () => {
      const t = emailTranslator(locale);
      for (const recipient of ['invitee', 'host'] as const) {
        const data = { ...sampleInvitee, recipient, t };
        const layouts = [
          bookingConfirmedLayout(data),
          bookingReminderLayout({ ...data, startsIn: t('startsIn', { unit: 'hours', count: 24 }) }),
          bookingCancelledLayout({ ...data, cancelledBy: 'you', reason: 'Sorry', bookAgainUrl: 'http://localhost:3000/grace/intro' }),
          bookingCancelledLayout({ ...data, cancelledBy: 'Grace Hopper', reason: null, bookAgainUrl: null }),
          bookingRescheduledLayout({ ...data, previousWhen: t('earlierTime'), movedBy: 'you' }),
          bookingRescheduledLayout({ ...data, previousWhen: t('earlierTime'), movedBy: 'Grace Hopper', movedByHost: true, hostMessage: 'Sorry!' }),
          newTimeRequestedLayout({ ...data, hostMessage: 'Sorry!' }),
        ];
        for (const layout of layouts) {
          const text = `${layout.preview}\n${bookingEmailText(layout)}`;
          expect(text).not.toMatch(/[{}]|email\.\w/);
          expect(text).toContain('Rendezvous');
        }
      }
    });
  }

  it('uses the language’s words and plurals', () => {
    const de = emailTranslator('de');
    expect(bookingConfirmedLayout({ ...sampleInvitee, t: de }).heading).toBe('Ihr Termin ist bestätigt');
    const request = newTimeRequestedLayout({ ...sampleInvitee, t: de, hostMessage: 'Sorry!' });
    expect(request.heading).toBe('Bitte wählen Sie eine neue Zeit');
    expect(request.message?.title).toBe('Nachricht von Grace Hopper');
    expect(request.actions[0]?.label).toBe('Neue Zeit wählen');
    const moved = bookingRescheduledLayout({ ...sampleInvitee, t: de, previousWhen: 'x', movedBy: 'Grace Hopper', movedByHost: true });
    expect(moved.heading).toBe('Grace Hopper hat Ihren Termin verschoben');
    expect(de('startsIn', { unit: 'hours', count: 1 })).toBe('in 1 Stunde');
    expect(emailTranslator('fr')('startsIn', { unit: 'minutes', count: 40 })).toBe('dans 40 minutes');
    expect(emailTranslator('es')('startsIn', { unit: 'hours', count: 24 })).toBe('en 24 horas');
    expect(emailTranslator('en')('startsIn', { unit: 'hours', count: 24 })).toBe('in 24 hours');
  });
});

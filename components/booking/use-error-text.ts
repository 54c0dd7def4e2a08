import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { ApiError } from './api-client';

// The API explains failures in English; an invitee reads them in the page's language, chosen by the
// error's code and reason. English pages keep the API's own words (they are the same sentences).

type Failure = { status: number; error: ApiError };

const slotReasons = {
  too_soon: 'tooSoon',
  too_far: 'tooFar',
  outside_hours: 'outsideHours',
  off_grid: 'offGrid',
  busy: 'busy',
  daily_limit: 'dailyLimit',
} as const;

const fieldKeys = { name: 'name', email: 'email', notes: 'notes' } as const;

export function useErrorText() {
  const t = useTranslations('invitee.errors');
  const links = useTranslations('oneTimeLinks');
  const seats = useTranslations('seats');
  const english = useLocale() === 'en';

  /** What to tell the invitee about a failure that has no better place on the page. */
  const describe = useCallback(
    ({ status, error }: Failure): string => {
      if (status === 429) return t('tooManyRequests');
      if (error.code === 'network_error') return t('network');
      if (error.code === 'bad_response') return t('badResponse', { status });
      if (english) return error.message;
      if (error.code === 'slot_taken') return seats('full');
      if (error.code === 'slot_unavailable') return t(slotReasons[error.reason as keyof typeof slotReasons] ?? 'busy');
      if (error.code === 'change_not_allowed') {
        if (error.reason === 'no_new_time_requested') return t('noNewTimeRequest');
        return t(error.reason === 'booking_started' ? 'started' : 'windowClosed');
      }
      if (error.code === 'booking_not_active') return t('notActive');
      if (error.code === 'link_used') return links('linkUsed');
      if (error.code === 'link_expired') return links('linkExpired');
      return t('generic');
    },
    [t, links, seats, english],
  );

  /** A field's error in the page's language (the API names the field in `path`). */
  const describeField = useCallback(
    (issue: { path: string; message: string }): string => {
      const key = fieldKeys[issue.path as keyof typeof fieldKeys];
      return english || !key ? issue.message : t(key);
    },
    [t, english],
  );

  return { describe, describeField };
}

import { AppError } from '@/lib/errors';
import type { BookingRow } from './insert-booking';

// When a booking may still be cancelled or moved. A meeting that has begun is history: changing it
// would rewrite what happened (and free time that is already spent).

export function assertNotStarted(booking: BookingRow, now: number, change: 'cancelled' | 'rescheduled'): void {
  if (booking.startTime.getTime() <= now) {
    throw new AppError('change_not_allowed', `This meeting has already started and can no longer be ${change}.`, {
      details: { reason: 'booking_started' },
    });
  }
}

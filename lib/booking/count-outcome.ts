import { AppError } from '@/lib/errors';
import { countBookingConflict, countBookingCreated } from '@/lib/metrics/counters';

/**
 * Runs a booking write and counts what it made (an idempotent replay makes nothing) or why the time
 * was refused (409 slot_unavailable: the engine's reason, else the overlap guard or contention).
 */
export async function countBookingOutcome<T extends { created: boolean }>(via: 'book' | 'reschedule', write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    if (result.created) countBookingCreated(via);
    return result;
  } catch (error) {
    if (error instanceof AppError && error.code === 'slot_unavailable') countBookingConflict((error.details as { reason?: unknown } | undefined)?.reason);
    throw error;
  }
}

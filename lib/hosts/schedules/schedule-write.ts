import { AppError, constraintOf, fieldError, sqlStateOf } from '@/lib/errors';

// What the schedule writes share: the (user_id, lower(name)) unique index is the one judge of a name
// clash, also for two tabs creating "Consulting" at once.

export async function withNameClashAsFieldError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlStateOf(error) === '23505' && constraintOf(error) === 'schedules_user_id_name_unique') {
      throw fieldError('conflict', 'name', 'You already have a schedule with this name; pick another.', { cause: error });
    }
    throw error;
  }
}

export function tooManySchedules(limit: number): AppError {
  return new AppError('conflict', `You can have at most ${limit} schedules. Delete one you no longer use first.`);
}

import type { z } from 'zod';

// What every server action answers; client components import only this type.

export type ActionResult<T, Problem extends string = never> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string>; problem?: Problem } };

/** The first message per field path ("weeklyHours.1.endTime"), for showing beside the field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'form';
    fields[path] ??= issue.message;
  }
  return fields;
}

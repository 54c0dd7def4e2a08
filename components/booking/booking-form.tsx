'use client';

import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import type { Tracking } from '@/lib/booking/tracking';
import { type Booking, createBooking, describeError, type NewBooking, newIdempotencyKey, type Slot } from './api-client';
import { layoutStyles } from './booking-layout';
import { useFocusOnMount } from './use-focus-on-mount';

/** Details the page was opened with; the invitee may still change them. */
export interface Prefill {
  name?: string | undefined;
  email?: string | undefined;
}

interface Props {
  meetingTypeId: string;
  slot: Slot;
  timeZone: string;
  prefill: Prefill;
  tracking: Tracking;
  onBooked: (booking: Booking) => void;
  /** The slot went to someone else (409 slot_unavailable): back to the times, with this message. */
  onSlotTaken: (message: string) => void;
  onBack: () => void;
}

type FieldName = 'name' | 'email' | 'notes';
const fieldNames = new Set<string>(['name', 'email', 'notes']);
const RETRY_DELAY_MS = 800;

function readForm(form: HTMLFormElement, fixed: Pick<NewBooking, 'meetingTypeId' | 'start' | 'timezone' | 'tracking'>): NewBooking {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const notes = text('notes');
  return { ...fixed, name: text('name'), email: text('email'), ...(notes ? { notes } : {}) };
}

export function BookingForm({ meetingTypeId, slot, timeZone, prefill, tracking, onBooked, onSlotTaken, onBack }: Props) {
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  // One key per distinct request: a double click or a retry of the same details reuses it, so the
  // server answers with the booking it already made instead of making a second one.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const fixed = { meetingTypeId, start: slot.start, timezone: timeZone, ...(Object.keys(tracking).length > 0 ? { tracking } : {}) };
    const input = readForm(event.currentTarget, fixed);
    const body = JSON.stringify(input);
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() };
    const key = attempt.current.key;

    inFlight.current = true;
    setSubmitting(true);
    setFormError(null);
    setFieldErrors({});
    try {
      let result = await createBooking(input, key);
      if (!result.ok && result.error.code === 'network_error') {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        result = await createBooking(input, key);
      }
      if (result.ok) {
        onBooked(result.data.booking);
        return;
      }
      if (result.error.code === 'slot_unavailable') {
        onSlotTaken(result.error.message);
        return;
      }
      const errors: Partial<Record<FieldName, string>> = {};
      const other: string[] = [];
      for (const issue of result.error.issues) {
        if (fieldNames.has(issue.path)) errors[issue.path as FieldName] ??= issue.message;
        else other.push(issue.message);
      }
      setFieldErrors(errors);
      const hasFieldErrors = Object.keys(errors).length > 0;
      if (!hasFieldErrors || other.length > 0) setFormError([describeError(result), ...other].join(' '));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return (
    <div>
      <Button variant="ghost" onClick={onBack} aria-label="Back to times">
        ← Back
      </Button>
      <h2 ref={headingRef} tabIndex={-1} className={layoutStyles.panelTitle}>
        Enter your details
      </h2>
      <form className={layoutStyles.stack} onSubmit={submit}>
        <TextField label="Name" name="name" autoComplete="name" required maxLength={255} defaultValue={prefill.name} error={fieldErrors.name} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={255}
          defaultValue={prefill.email}
          error={fieldErrors.email}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          optional
          maxLength={5000}
          hint="Anything that will help prepare for the meeting."
          error={fieldErrors.notes}
        />
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className={layoutStyles.actions}>
          <Button type="submit" disabled={submitting}>
            {submitting ? 'Booking…' : 'Confirm booking'}
          </Button>
        </div>
      </form>
    </div>
  );
}

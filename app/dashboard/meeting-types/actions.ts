'use server';

import { hostAction } from '@/lib/actions/host-action';
import { createMeetingType } from '@/lib/hosts/meeting-types/create';
import { deleteMeetingType } from '@/lib/hosts/meeting-types/delete';
import { duplicateMeetingType } from '@/lib/hosts/meeting-types/duplicate';
import {
  meetingTypeFormSchema,
  meetingTypeIdSchema,
  setActiveSchema,
  updateMeetingTypeFormSchema,
} from '@/lib/hosts/meeting-types/schemas';
import { setMeetingTypeActive } from '@/lib/hosts/meeting-types/set-active';
import { updateMeetingType } from '@/lib/hosts/meeting-types/update';

// The dashboard's meeting type actions: session and parsing in hostAction, everything else in
// lib/hosts/meeting-types, which writes through the host write seam as the signed-in host.

export const createMeetingTypeAction = hostAction(meetingTypeFormSchema, async (input, ctx) => {
  const created = await createMeetingType(ctx, input);
  return { id: created.id };
});

export const updateMeetingTypeAction = hostAction(updateMeetingTypeFormSchema, (input, ctx) => updateMeetingType(ctx, input));

export const duplicateMeetingTypeAction = hostAction(meetingTypeIdSchema, (input, ctx) => duplicateMeetingType(ctx, input));

export const setMeetingTypeActiveAction = hostAction(setActiveSchema, (input, ctx) => setMeetingTypeActive(ctx, input));

export const deleteMeetingTypeAction = hostAction(meetingTypeIdSchema, (input, ctx) => deleteMeetingType(ctx, input));

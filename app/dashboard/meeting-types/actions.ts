'use server';

import { hostAction } from '@/lib/actions/host-action';
import type { Actor } from '@/lib/hosts/actor';
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

const asHost = (hostUserId: string): Actor => ({ kind: 'host', userId: hostUserId });

export const createMeetingTypeAction = hostAction(meetingTypeFormSchema, async (input, { hostUserId, deps }) => {
  const created = await createMeetingType(deps, { hostUserId, actor: asHost(hostUserId) }, input);
  return { id: created.id };
});

export const updateMeetingTypeAction = hostAction(updateMeetingTypeFormSchema, ({ id, fields }, { hostUserId, deps }) =>
  updateMeetingType(deps, asHost(hostUserId), id, fields),
);

export const duplicateMeetingTypeAction = hostAction(meetingTypeIdSchema, ({ id }, { hostUserId, deps }) =>
  duplicateMeetingType(deps, asHost(hostUserId), id),
);

export const setMeetingTypeActiveAction = hostAction(setActiveSchema, ({ id, isActive }, { hostUserId, deps }) =>
  setMeetingTypeActive(deps, asHost(hostUserId), id, isActive),
);

export const deleteMeetingTypeAction = hostAction(meetingTypeIdSchema, ({ id }, { hostUserId, deps }) => deleteMeetingType(deps, asHost(hostUserId), id));

import { describe, expect, it } from 'vitest';
import { dateOverrideSchema, meetingPolicySchema, timeOfDaySchema, timeZoneSchema, weeklyRuleSchema } from './schemas';
import { meetingPolicy } from './test-fixtures';

describe('boundary schemas', () => {
  it.each(['00:00', '09:30', '23:59:59', '24:00', '24:00:00'])('accepts the time of day %s', (time) => {
    expect(timeOfDaySchema.safeParse(time).success).toBe(true);
  });

  it.each(['9:00', '24:30', '12:60', '12:00:60', '12:00:00.5', ''])('rejects the time of day %j', (time) => {
    expect(timeOfDaySchema.safeParse(time).success).toBe(false);
  });

  it('accepts IANA zones and rejects junk', () => {
    expect(timeZoneSchema.safeParse('Pacific/Chatham').success).toBe(true);
    expect(timeZoneSchema.safeParse('Mars/Base').success).toBe(false);
  });

  it('requires a weekly rule to start before it ends, with 24:00 as the latest end', () => {
    expect(weeklyRuleSchema.safeParse({ dayOfWeek: 0, startTime: '18:00', endTime: '24:00' }).success).toBe(true);
    expect(weeklyRuleSchema.safeParse({ dayOfWeek: 0, startTime: '18:00', endTime: '09:00' }).success).toBe(false);
    expect(weeklyRuleSchema.safeParse({ dayOfWeek: 7, startTime: '09:00', endTime: '17:00' }).success).toBe(false);
  });

  it('accepts an override with both times or neither, but not just one', () => {
    expect(dateOverrideSchema.safeParse({ date: '2026-03-08', startTime: '10:00', endTime: '12:00' }).success).toBe(true);
    expect(dateOverrideSchema.safeParse({ date: '2026-03-08', startTime: null, endTime: null }).success).toBe(true);
    expect(dateOverrideSchema.safeParse({ date: '2026-03-08', startTime: '10:00', endTime: null }).success).toBe(false);
    expect(dateOverrideSchema.safeParse({ date: '2026-02-30', startTime: null, endTime: null }).success).toBe(false);
  });

  it('rejects a meeting policy whose slot grid could not advance', () => {
    expect(meetingPolicySchema.safeParse(meetingPolicy()).success).toBe(true);
    expect(meetingPolicySchema.safeParse(meetingPolicy({ slotIntervalMinutes: 0 })).success).toBe(false);
    expect(meetingPolicySchema.safeParse(meetingPolicy({ durationMinutes: 0 })).success).toBe(false);
  });
});

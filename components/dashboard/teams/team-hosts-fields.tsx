'use client';

import { useState } from 'react';
import { FieldNotes, SelectField, TextField } from '@/components/ui/field';
import formStyles from '../meeting-types/meeting-type-form.module.css';
import styles from './teams.module.css';

export type SchedulingChoice = 'round_robin' | 'collective';

export interface TeamMemberChoice {
  userId: string;
  name: string;
}

export interface TeamHostValue {
  userId: string;
  weight: number;
  priority: number;
}

export interface TeamFormSettings {
  teamId: string;
  teamSlug: string;
  members: TeamMemberChoice[];
  /** Fixed when editing; null lets the host choose (a new type). */
  schedulingType: SchedulingChoice | null;
  hosts: TeamHostValue[];
}

const priorities = [
  { value: 4, label: 'Highest' },
  { value: 3, label: 'High' },
  { value: 2, label: 'Medium' },
  { value: 1, label: 'Low' },
  { value: 0, label: 'Lowest' },
];

const schedulingLabel: Record<SchedulingChoice, string> = { round_robin: 'Round robin', collective: 'Collective' };

/** The first error about the member list ("hosts" or "hosts.0.weight"), shown under it. */
function hostsError(errors: Record<string, string> | undefined): string | undefined {
  const key = Object.keys(errors ?? {}).find((name) => name === 'hosts' || name.startsWith('hosts.'));
  return key ? errors?.[key] : undefined;
}

/**
 * How a team meeting type schedules and with whom: round robin (one free member is assigned, by
 * weight and priority) or collective (every chosen member attends). Sent as JSON in `hosts`.
 */
export function TeamHostsFields({ team, errors }: { team: TeamFormSettings; errors: Record<string, string> | undefined }) {
  const [schedulingType, setSchedulingType] = useState<SchedulingChoice>(team.schedulingType ?? 'round_robin');
  const [chosen, setChosen] = useState<Map<string, TeamHostValue>>(() => new Map(team.hosts.map((host) => [host.userId, host])));
  const [weights, setWeights] = useState<Record<string, string>>(() => Object.fromEntries(team.hosts.map((host) => [host.userId, String(host.weight)])));
  const roundRobin = schedulingType === 'round_robin';
  const update = (userId: string, change: Partial<TeamHostValue> | null) =>
    setChosen((current) => {
      const next = new Map(current);
      if (change === null) next.delete(userId);
      else next.set(userId, { userId, weight: 100, priority: 2, ...current.get(userId), ...change });
      return next;
    });
  const hosts = team.members.flatMap((member) => {
    const host = chosen.get(member.userId);
    if (!host) return [];
    const typed = weights[member.userId];
    const weight = typed === undefined || typed.trim() === '' ? host.weight : Number(typed);
    return [{ ...host, weight }];
  });
  const error = hostsError(errors);
  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>Team members</legend>
      <input type="hidden" name="teamId" value={team.teamId} />
      <input type="hidden" name="hosts" value={JSON.stringify(hosts)} />
      {team.schedulingType === null ? (
        <fieldset className={styles.choice}>
          <legend className="muted">Scheduling (fixed once created)</legend>
          {(['round_robin', 'collective'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="schedulingType" value={value} checked={schedulingType === value} onChange={() => setSchedulingType(value)} />
              {schedulingLabel[value]}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{schedulingLabel[team.schedulingType]} (fixed once created).</p>
      )}
      <p className="muted">
        {roundRobin
          ? 'A time is offered when at least one chosen member is free; each booking goes to one free member, chosen by priority and weight.'
          : 'A time is offered only when every chosen member is free; everyone attends.'}
      </p>
      <ul className={styles.hosts} aria-describedby={error ? 'team-hosts-error' : undefined}>
        {team.members.map((member) => {
          const host = chosen.get(member.userId);
          return (
            <li key={member.userId} className={styles.host}>
              <label className={styles.hostCheck}>
                <input type="checkbox" checked={Boolean(host)} onChange={(event) => update(member.userId, event.target.checked ? {} : null)} />
                {member.name}
              </label>
              {roundRobin && host ? (
                <>
                  <TextField
                    label="Weight"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={1000}
                    aria-label={`Weight of ${member.name}`}
                    value={weights[member.userId] ?? String(host.weight)}
                    onChange={(event) => setWeights((all) => ({ ...all, [member.userId]: event.target.value }))}
                  />
                  <SelectField label="Priority" aria-label={`Priority of ${member.name}`} value={host.priority} onChange={(event) => update(member.userId, { priority: Number(event.target.value) })}>
                    {priorities.map((priority) => (
                      <option key={priority.value} value={priority.value}>
                        {priority.label}
                      </option>
                    ))}
                  </SelectField>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FieldNotes id="team-hosts" hint={roundRobin ? 'Weight 100 is an even share; 200 asks for twice the bookings of 100.' : undefined} error={error} />
    </fieldset>
  );
}

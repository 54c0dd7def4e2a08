import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/dashboard/dashboard.module.css';
import { CreateTeamForm } from '@/components/dashboard/teams/create-team-form';
import { roleLabel } from '@/components/dashboard/teams/role-label';
import teamStyles from '@/components/dashboard/teams/teams.module.css';
import { db } from '@/lib/database';
import { requireHostForPage } from '@/lib/auth/current-host';
import { listHostTeams } from '@/lib/hosts/teams/list';
import { createTeamAction } from './actions';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const hostUserId = await requireHostForPage('/dashboard/teams');
  const teams = await listHostTeams(db(), hostUserId);
  return (
    <>
      <div className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>Teams</h1>
      </div>
      <p className="muted">A team shares meeting types among its members: round robin books one free member, collective books everyone at a time all of them are free.</p>
      <div className={styles.sections}>
        <section aria-labelledby="teams-title" className={styles.section}>
          <h2 id="teams-title" className={styles.sectionTitle}>
            Your teams
          </h2>
          {teams.length === 0 ? (
            <p className="muted">You are not in a team yet. Create one, or accept an invitation from your email.</p>
          ) : (
            <ul className={teamStyles.list}>
              {teams.map((team) => (
                <li key={team.id} className={teamStyles.row}>
                  <div className={teamStyles.rowText}>
                    <p className={teamStyles.name}>
                      <Link href={`/dashboard/teams/${team.slug}`}>{team.name}</Link> <span className={teamStyles.badge}>{roleLabel[team.role]}</span>
                    </p>
                    <p className="muted">/team/{team.slug}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-team-title" className={styles.section}>
          <h2 id="new-team-title" className={styles.sectionTitle}>
            Create a team
          </h2>
          <p className="muted">You become its owner, and can invite members by email.</p>
          <CreateTeamForm action={createTeamAction} />
        </section>
      </div>
    </>
  );
}

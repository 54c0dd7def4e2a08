import type { TeamDistribution } from '@/lib/booking/team/distribution';
import styles from './distribution.module.css';

/** Bookings per member of one round-robin type, with a bar of each one's share. */
export function DistributionTable({ type }: { type: TeamDistribution['types'][number] }) {
  const most = Math.max(1, ...type.members.map((member) => member.bookings));
  return (
    <section className={styles.type} aria-labelledby={`type-${type.id}`}>
      <h2 className={styles.typeName} id={`type-${type.id}`}>
        {type.name} <span className={styles.secondary}>· {type.total === 1 ? '1 booking' : `${type.total} bookings`}</span>
      </h2>
      {type.members.length === 0 ? (
        <p className={styles.secondary}>No members can be booked for this type yet.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col" className={styles.count}>
                Bookings
              </th>
              <th scope="col" className={styles.barCell}>
                Share
              </th>
              <th scope="col">Weight · priority</th>
            </tr>
          </thead>
          <tbody>
            {type.members.map((member) => (
              <tr key={member.userId}>
                <td>{member.name}</td>
                <td className={styles.count}>{member.bookings}</td>
                <td className={styles.barCell}>
                  <span className={styles.bar} style={{ width: `${(member.bookings / most) * 100}%` }} aria-hidden="true" />
                </td>
                <td>{member.weight === null ? <span className={styles.secondary}>no longer a host</span> : `${member.weight} · ${member.priority}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

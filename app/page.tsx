import Link from 'next/link';

export default function HomePage() {
  return (
    <main className="page">
      <h1>Rendezvous</h1>
      <p className="lead">
        Open-source scheduling. Hosts set their weekly hours and connect their calendars; invitees pick a free time
        and book it instantly — in their own time zone, never double-booked.
      </p>
      <p>
        <Link href="/demo">See the demo host’s booking page →</Link>
      </p>
    </main>
  );
}

import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p className="lead">There is nothing here. Check the link you were given.</p>
      <Link href="/">Rendezvous home</Link>
    </main>
  );
}

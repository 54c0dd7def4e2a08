import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { inter } from './fonts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Rendezvous', template: '%s · Rendezvous' },
  description: 'Open-source scheduling: share a link, get booked, never double-booked.',
  icons: { icon: '/favicon.svg' },
};

// Every page's scripts carry the request's CSP nonce (proxy.ts), which Next.js can only add while
// rendering a request: a prerendered page would ship scripts without it, and never hydrate.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body>{children}</body>
    </html>
  );
}

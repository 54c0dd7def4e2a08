import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { inter } from './fonts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Rendezvous', template: '%s · Rendezvous' },
  description: 'Open-source scheduling: share a link, get booked, never double-booked.',
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body>{children}</body>
    </html>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './dashboard.module.css';

const sections = [
  { href: '/dashboard', label: 'Bookings' },
  { href: '/dashboard/meeting-types', label: 'Meeting types' },
  { href: '/dashboard/availability', label: 'Availability' },
  { href: '/dashboard/integrations', label: 'Integrations' },
  { href: '/dashboard/settings', label: 'Settings' },
] as const;

export function DashboardNav() {
  const pathname = usePathname();
  const current = (href: string) => (href === '/dashboard' ? pathname === href || pathname.startsWith('/dashboard/bookings') : pathname.startsWith(href));
  return (
    <nav aria-label="Dashboard" className={styles.nav}>
      {sections.map((section) => (
        <Link key={section.href} href={section.href} className={styles.navLink} aria-current={current(section.href) ? 'page' : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import styles from './dashboard.module.css';

const sections = [
  { href: '/dashboard', label: 'Bookings' },
  { href: '/dashboard/meeting-types', label: 'Meeting types' },
  { href: '/dashboard/availability', label: 'Availability' },
  { href: '/dashboard/teams', label: 'Teams' },
  { href: '/dashboard/integrations', label: 'Integrations' },
  { href: '/dashboard/settings', label: 'Settings' },
] as const;

function SectionLinks({ className, onNavigate }: { className: string | undefined; onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = (href: string) => (href === '/dashboard' ? pathname === href || pathname.startsWith('/dashboard/bookings') : pathname.startsWith(href));
  return (
    <ul className={className}>
      {sections.map((section) => (
        <li key={section.href}>
          <Link href={section.href} className={styles.navLink} aria-current={current(section.href) ? 'page' : undefined} onClick={onNavigate}>
            {section.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The dashboard's sections: a row of links, or under 640 px one "Menu" button opening them, and the
 * host's public page, in a popover (react-aria: focus moves in, Escape and a click outside close it,
 * focus returns).
 */
export function DashboardNav({ username }: { username: string | null }) {
  return (
    <nav aria-label="Dashboard" className={styles.nav}>
      <SectionLinks className={styles.navLinks} />
      <DialogTrigger>
        <Button className={styles.menuButton}>
          <span aria-hidden="true" className={styles.menuIcon} />
          Menu
        </Button>
        <Popover placement="bottom start" className={styles.menuPopover}>
          <Dialog aria-label="Dashboard sections" className={styles.menuDialog}>
            {({ close }) => (
              <>
                <SectionLinks className={styles.menuLinks} onNavigate={close} />
                {username ? (
                  <a className={styles.menuPublicLink} href={`/${username}`}>
                    <span className="muted">Your booking page</span> <span>/{username}</span>
                  </a>
                ) : null}
              </>
            )}
          </Dialog>
        </Popover>
      </DialogTrigger>
    </nav>
  );
}

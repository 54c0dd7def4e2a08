'use client';

import { createContext, type ReactNode, useContext } from 'react';
import type { HourCycle } from '@/lib/hosts/host-clock';

// The signed-in host's clock for the dashboard's client components (the hours editor, date
// overrides); the layout provides it from the host's settings. Server components take it as a prop.

const HostClockContext = createContext<HourCycle>('12h');

export function HostClockProvider({ hourCycle, children }: { hourCycle: HourCycle; children: ReactNode }) {
  return <HostClockContext value={hourCycle}>{children}</HostClockContext>;
}

export function useHostClock(): HourCycle {
  return useContext(HostClockContext);
}

'use client';

import { useEffect, useState } from 'react';

/**
 * A hidden `timeZone` field holding the browser's zone, for forms whose server side needs it (the OAuth
 * buttons: a new host starts in this zone). Filled after hydration; empty without JavaScript.
 */
export function BrowserTimeZoneInput() {
  const [zone, setZone] = useState('');
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone || ''), []);
  return <input type="hidden" name="timeZone" value={zone} />;
}

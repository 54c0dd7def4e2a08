// "Europe/Berlin (GMT+1)": how the time-zone field names a zone, in its list and while it loads.

function offsetLabel(timeZone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

export function timeZoneLabel(timeZone: string, at: Date): string {
  return `${timeZone.replaceAll('_', ' ')} (${offsetLabel(timeZone, at)})`;
}

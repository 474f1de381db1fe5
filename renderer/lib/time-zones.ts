// Time zones a clinic can pick, with this computer's own zone as the default.

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zones this browser knows, sorted, always including the given ones (a saved zone may be an alias). */
export function timeZoneChoices(known: readonly string[], mustInclude: readonly string[]): string[] {
  return [...new Set([...known, ...mustInclude.filter((zone) => zone !== '')])].sort((a, b) => a.localeCompare(b));
}

export function knownTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

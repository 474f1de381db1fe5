// Business dates are the clinic's local calendar dates; instants are UTC. This converts between them.

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local YYYY-MM-DD date of an instant in a time zone. */
export function businessDateOf(instant: Date, timeZone: string): string {
  // One API call asks for "today" several times at the same instant; formatting is the slow part.
  const ms = instant.getTime();
  if (lastBusinessDate?.ms === ms && lastBusinessDate.timeZone === timeZone) return lastBusinessDate.date;
  // Building a formatter is slow; one per time zone is kept. en-CA formats dates as YYYY-MM-DD.
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const date = format.format(instant);
  lastBusinessDate = { ms, timeZone, date };
  return date;
}

let lastBusinessDate: { ms: number; timeZone: string; date: string } | null = null;

/** Minutes to add to UTC to get local time at that instant. */
const partFormats = new Map<string, Intl.DateTimeFormat>();

/** Offsets already computed, by time zone and instant (a pure function of both; bounded). */
const knownOffsets = new Map<string, number>();

function offsetMinutes(instant: Date, timeZone: string): number {
  const key = `${timeZone}|${instant.getTime()}`;
  const known = knownOffsets.get(key);
  if (known !== undefined) return known;
  const offset = computeOffsetMinutes(instant, timeZone);
  if (knownOffsets.size >= 512) knownOffsets.clear();
  knownOffsets.set(key, offset);
  return offset;
}

function computeOffsetMinutes(instant: Date, timeZone: string): number {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The UTC instant at which a local date and time (HH:MM) happens in a time zone. */
export function instantOfLocal(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naiveUtc = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset across a daylight-saving change.
  let guess = naiveUtc - offsetMinutes(new Date(naiveUtc), timeZone) * 60000;
  guess = naiveUtc - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

/** The UTC instant where a business date begins (local midnight). */
export function startOfBusinessDate(date: string, timeZone: string): Date {
  return instantOfLocal(date, '00:00', timeZone);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a) for YYYY-MM-DD dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

// Resolves an item's Deadline text ("Hoy", "Próximas 24-48h", "72h", "5 días",
// "3 days", "2025-12-10") against the document's creation date. Text that names
// no date or duration ("Antes de GO") stays text: no due date is guessed.

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const TODAY = /^(?:hoy|today|same day|mismo d[ií]a)\b/i;
const TOMORROW = /^(?:ma[ñn]ana|tomorrow)\b/i;
// The last number of a range counts: "24-48h" gives the owner 48 hours.
const HOURS = /(\d+)\s*(?:h|hs|horas?|hours?)\b/i;
const DAYS = /(\d+)\s*(?:d|d[ií]as?|days?)\b/i;
const WEEKS = /(\d+)\s*(?:semanas?|weeks?)\b/i;

const resolved = new Map<string, string | undefined>();

/** Returns the due date as `YYYY-MM-DD`, or undefined when the text gives none. */
export function resolveDeadline(text: string, created: string | undefined): string | undefined {
  const key = `${created ?? ''}\n${text}`;
  if (resolved.has(key)) return resolved.get(key);
  const due = resolve(text, created);
  if (resolved.size > 10_000) resolved.clear();
  resolved.set(key, due);
  return due;
}

function resolve(text: string, created: string | undefined): string | undefined {
  const trimmed = text.trim();
  const absolute = ISO_DATE.exec(trimmed);
  if (absolute) return isoDate(absolute[0]) ? absolute[0] : undefined;
  if (created === undefined || !isoDate(created)) return undefined;
  const days = relativeDays(trimmed);
  return days === undefined ? undefined : addDays(created, days);
}

function relativeDays(text: string): number | undefined {
  if (TODAY.test(text)) return 0;
  if (TOMORROW.test(text)) return 1;
  const lastNumber = (pattern: RegExp): number | undefined => {
    const match = pattern.exec(text.replace(/(\d+)\s*[-–]\s*(?=\d)/g, ''));
    return match ? Number(match[1]) : undefined;
  };
  const hours = lastNumber(HOURS);
  if (hours !== undefined) return Math.ceil(hours / 24);
  const days = lastNumber(DAYS);
  if (days !== undefined) return days;
  const weeks = lastNumber(WEEKS);
  if (weeks !== undefined) return weeks * 7;
  return undefined;
}

function isoDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Reads the first ISO date of a field value ("2025-12-07"). */
export function dateIn(text: string): string | undefined {
  const match = ISO_DATE.exec(text);
  return match && isoDate(match[0]) ? match[0] : undefined;
}

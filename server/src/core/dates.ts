// The local date and time of a moment, as checklists write them. The core never
// reads the clock: callers pass the moment (`new Date()` in the server and CLI).

export interface Now {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:MM` */
  readonly time: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function localDateTime(moment: Date): Now {
  return {
    date: `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`,
    time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}`,
  };
}

// ---------------------------------------------------------------------------
// Due dates as checklists write them: ISO, DD/MM/YYYY or MM/DD/YYYY by the
// document's language (unambiguous forms either way), month names in Spanish and
// English with abbreviations ("9 dic 2025", "Dec 10, 2025", "10 de diciembre de
// 2025"), EOD/EOW, business days ("+3 días hábiles", "3 business days"), and the
// relative forms counted from the creation date ("Hoy", "48h", "5 días", "1 week").

export interface DueContext {
  /** The document's language: `07/12/2025` is 7 December in Spanish, July 12 in English. */
  readonly language?: 'es' | 'en' | undefined;
  /** The creation date (`YYYY-MM-DD`) relative deadlines count from. */
  readonly created?: string | undefined;
  /** Today (`YYYY-MM-DD`), the year of a date written without one when there is no creation date. */
  readonly today?: string | undefined;
}

/** What a deadline text says: a date, no date at all ("Antes de GO"), or a date that cannot be read ("31/02/2025"). */
export type DueReading =
  { readonly kind: 'date'; readonly date: string } | { readonly kind: 'none' } | { readonly kind: 'unparsed' };

const MONTHS: Readonly<Record<string, number>> = {
  enero: 1,
  ene: 1,
  january: 1,
  jan: 1,
  febrero: 2,
  feb: 2,
  february: 2,
  marzo: 3,
  mar: 3,
  march: 3,
  abril: 4,
  abr: 4,
  april: 4,
  apr: 4,
  mayo: 5,
  may: 5,
  junio: 6,
  jun: 6,
  june: 6,
  julio: 7,
  jul: 7,
  july: 7,
  agosto: 8,
  ago: 8,
  august: 8,
  aug: 8,
  septiembre: 9,
  setiembre: 9,
  sep: 9,
  sept: 9,
  set: 9,
  september: 9,
  octubre: 10,
  oct: 10,
  october: 10,
  noviembre: 11,
  nov: 11,
  november: 11,
  diciembre: 12,
  dic: 12,
  december: 12,
  dec: 12,
};
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|º|°)?`;
const YEAR = String.raw`(\d{4}|'?\d{2})`;

const ISO = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?\b/;
// "9 dic 2025", "10 de diciembre de 2025", "10 December 2025", "9-dic-2025".
const DAY_MONTH = new RegExp(
  String.raw`\b${DAY}(?:\s+de)?[\s-]+${MONTH}(?:(?:\s+de\s+|,?\s+|-)${YEAR})?(?![\p{L}])`,
  'iu',
);
// "Dec 10, 2025", "December 10 2025", "diciembre 10".
const MONTH_DAY = new RegExp(String.raw`\b${MONTH}\s+${DAY}(?:,?\s+${YEAR})?(?![\p{L}\d])`, 'iu');
const EOD = /^(?:EOD|end of (?:the )?day|fin del d[ií]a|COB|close of business)\b/i;
const EOW = /^(?:EOW|end of (?:the )?week|fin de (?:la )?semana)\b/i;
const BUSINESS_DAYS = /\+?\s*(\d+)\s*(?:d[ií]as?\s+(?:h[aá]biles|laborables)|business\s+days?|working\s+days?|bd)\b/i;
const TODAY_WORD = /^(?:hoy|today|same day|mismo d[ií]a)\b/i;
const TOMORROW_WORD = /^(?:ma[ñn]ana|tomorrow)\b/i;
const HOURS = /(\d+)\s*(?:h|hs|horas?|hours?|hrs?)\b/i;
const DAYS = /(\d+)\s*(?:d|d[ií]as?|days?)\b/i;
const WEEKS = /(\d+)\s*(?:semanas?|weeks?|wks?)\b/i;
// Words that show the text meant a date, so failing to read one is worth a hint.
const DATE_INTENT = new RegExp(String.raw`\d|\b${MONTH}(?![\p{L}])|\b(?:EOD|EOW|EOM)\b`, 'iu');

const readings = new Map<string, DueReading>();

/** Reads a deadline text (a field value or a table cell) into a due date, cached. */
export function readDue(text: string, context: DueContext = {}): DueReading {
  const key = `${context.language ?? ''}|${context.created ?? ''}|${context.today ?? ''}|${text}`;
  const cached = readings.get(key);
  if (cached) return cached;
  const reading = read(text.trim(), context);
  if (readings.size > 10_000) readings.clear();
  readings.set(key, reading);
  return reading;
}

/** The due date (`YYYY-MM-DD`) a deadline text gives, or undefined. */
export function parseDue(text: string, context: DueContext = {}): string | undefined {
  const reading = readDue(text, context);
  return reading.kind === 'date' ? reading.date : undefined;
}

function read(text: string, context: DueContext): DueReading {
  const plain = text
    .replace(/[*_`~]/g, '')
    .replace(/<!--.*?-->/g, '')
    .trim();
  if (plain === '') return { kind: 'none' };
  const absolute = absoluteDate(plain, context);
  if (absolute !== undefined) return absolute === false ? { kind: 'unparsed' } : { kind: 'date', date: absolute };
  const base = context.created !== undefined && isIsoDate(context.created) ? context.created : undefined;
  const relative = relativeDate(plain, base);
  if (relative !== undefined) return { kind: 'date', date: relative };
  if (base === undefined && relativeWithoutBase(plain)) return { kind: 'none' };
  return DATE_INTENT.test(plain) ? { kind: 'unparsed' } : { kind: 'none' };
}

/** A calendar date written in the text: the date, false when it is written but impossible, undefined when there is none. */
function absoluteDate(text: string, context: DueContext): string | false | undefined {
  const iso = ISO.exec(text);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = DAY_MONTH.exec(text);
  if (named) return dated(named[3], MONTHS[(named[2] ?? '').toLowerCase()] ?? 0, Number(named[1]), context);
  const american = MONTH_DAY.exec(text);
  if (american) return dated(american[3], MONTHS[(american[1] ?? '').toLowerCase()] ?? 0, Number(american[2]), context);
  const numeric = NUMERIC.exec(text);
  // "24-48h", "5/7 tests": numbers with a unit or without a year are not dates.
  if (numeric && numeric[3] !== undefined) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = yearOf(numeric[3], context);
    const dayFirst = a > 12 ? true : b > 12 ? false : context.language !== 'en';
    return dayFirst ? ymd(year, b, a) : ymd(year, a, b);
  }
  // "11/28", "5.12": a deadline that is only a day and a month, in the year nearest the creation date or today.
  const bare = /^(\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (bare) {
    const a = Number(bare[1]);
    const b = Number(bare[2]);
    const dayFirst = a > 12 ? true : b > 12 ? false : context.language !== 'en';
    return dayFirst ? dated(undefined, b, a, context) : dated(undefined, a, b, context);
  }
  return undefined;
}

/**
 * A day and month, with the year as written or, without one, the year that puts the date nearest the
 * creation date or today: "Dec 1" read on 2026-12-03 is 2026-12-01, "Jan 5" read then is 2027-01-05.
 */
function dated(written: string | undefined, month: number, day: number, context: DueContext): string | false {
  const reference = context.created ?? context.today;
  if (written !== undefined || reference === undefined || !isIsoDate(reference))
    return ymd(yearOf(written, context), month, day);
  const year = Number(reference.slice(0, 4));
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(reference));
  const candidates = [year - 1, year, year + 1].map((y) => ymd(y, month, day)).filter((d): d is string => d !== false);
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? false;
}

function yearOf(written: string | undefined, context: DueContext): number {
  if (written !== undefined) {
    const digits = written.replace("'", '');
    return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
  }
  const reference = context.created ?? context.today;
  return reference !== undefined ? Number(reference.slice(0, 4)) : NaN;
}

function relativeDate(text: string, created: string | undefined): string | undefined {
  if (created === undefined) return undefined;
  if (EOD.test(text) || TODAY_WORD.test(text)) return created;
  if (EOW.test(text)) return endOfWeek(created);
  if (TOMORROW_WORD.test(text)) return addDays(created, 1);
  const business = BUSINESS_DAYS.exec(text);
  if (business) return addBusinessDays(created, Number(business[1]));
  const lastNumber = (pattern: RegExp): number | undefined => {
    // The last number of a range counts: "24-48h" gives the owner 48 hours.
    const match = pattern.exec(text.replace(/(\d+)\s*[-–]\s*(?=\d)/g, ''));
    return match ? Number(match[1]) : undefined;
  };
  const hours = lastNumber(HOURS);
  if (hours !== undefined) return addDays(created, Math.ceil(hours / 24));
  const days = lastNumber(DAYS);
  if (days !== undefined) return addDays(created, days);
  const weeks = lastNumber(WEEKS);
  if (weeks !== undefined) return addDays(created, weeks * 7);
  return undefined;
}

/** A relative deadline that only lacks the creation date to count from: not a reading failure. */
function relativeWithoutBase(text: string): boolean {
  return (
    EOD.test(text) ||
    EOW.test(text) ||
    TODAY_WORD.test(text) ||
    TOMORROW_WORD.test(text) ||
    BUSINESS_DAYS.test(text) ||
    HOURS.test(text) ||
    DAYS.test(text) ||
    WEEKS.test(text)
  );
}

function ymd(year: number, month: number, day: number): string | false {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return false;
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : false;
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Counts working days (Monday to Friday) after the date. */
export function addBusinessDays(date: string, days: number): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const day = weekday(current);
    if (day !== 0 && day !== 6) left--;
  }
  return current;
}

/** The Friday of the date's week (the date itself from Friday on). */
function endOfWeek(date: string): string {
  const day = weekday(date);
  return day >= 5 || day === 0 ? date : addDays(date, 5 - day);
}

/** `HH:MM:SS`, local: when a smoke test last ran. */
export function localTimeOfDay(moment: Date): string {
  return `${pad(moment.getHours())}:${pad(moment.getMinutes())}:${pad(moment.getSeconds())}`;
}

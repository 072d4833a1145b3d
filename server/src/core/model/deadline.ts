// Resolves an item's Deadline text ("Hoy", "Próximas 24-48h", "72h", "5 días",
// "3 days", "2025-12-10", "07/12/2025", "9 dic 2025", "EOD", "3 business days")
// against the document's creation date, through the date reader of `core/dates`.
// Text that names no date or duration ("Antes de GO") stays text: no due date is guessed.
import { addDays, isIsoDate, parseDue } from '../dates';

export { addDays };

/** Returns the due date as `YYYY-MM-DD`, or undefined when the text gives none. */
export function resolveDeadline(
  text: string,
  dates: { readonly created: string | undefined; readonly today?: string | undefined },
  language?: 'es' | 'en',
): string | undefined {
  return parseDue(text, { created: dates.created, today: dates.today, language });
}

/** Reads the first ISO date of a field value ("2025-12-07"). */
export function dateIn(text: string): string | undefined {
  const match = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  return match && isIsoDate(match[0]) ? match[0] : undefined;
}

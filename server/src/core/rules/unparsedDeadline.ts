// unparsed-deadline: a deadline that means a date ("31/02/2025", "dic 32",
// "EOM") but cannot be read, so the item would never be overdue. A hint on
// the value; text that names no date ("Antes de GO", "ASAP") stays quiet.
import { readDue } from '../dates';
import type { Language, MessageKey } from '../messages';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

/** How to write a date the document's readers read the same way: day first in Spanish, month first in English. */
const EXAMPLE: Record<Language, MessageKey> = { es: 'deadline.example.dayFirst', en: 'deadline.example.monthFirst' };

export function unparsedDeadlines({ checklist, t, today }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    const field = item.deadlineField;
    if (!field || item.due !== undefined) continue;
    if (readDue(field.value, { created: checklist.created, language: checklist.language, today }).kind !== 'unparsed')
      continue;
    const example = t(EXAMPLE[checklist.language]);
    findings.push({
      code: 'unparsed-deadline',
      severity: 'hint',
      message: t('unparsedDeadline', item.id, item.shortTitle, field.value.slice(0, 60), example),
      range: field.valueRange,
      data: { item: item.id },
    });
  }
  return findings;
}

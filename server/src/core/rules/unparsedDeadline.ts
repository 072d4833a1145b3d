// unparsed-deadline: a deadline that means a date ("31/02/2025", "dic 32",
// "EOM") but cannot be read, so the item would never be overdue. A hint on
// the value; text that names no date ("Antes de GO", "ASAP") stays quiet.
import { readDue } from '../dates';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

export function unparsedDeadlines({ checklist, t }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    const field = item.deadlineField;
    if (!field || item.due !== undefined) continue;
    if (readDue(field.value, { created: checklist.created, language: checklist.language }).kind !== 'unparsed') continue;
    const example = checklist.language === 'es' ? '2025-12-10, 10/12/2025 o 10 dic 2025' : '2025-12-10, 12/10/2025 or Dec 10, 2025';
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

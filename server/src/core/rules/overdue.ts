// overdue: an item not yet done whose due date has passed.
import type { Finding } from '../types';
import type { RuleContext } from './rule';

export function overdueItems({ checklist, t, today }: RuleContext): Finding[] {
  if (today === undefined) return [];
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    // Done, blocked and not applicable items are not late; an item with no readable state still is.
    if (item.state === 'done' || item.state === 'blocked' || item.state === 'not-applicable') continue;
    if (item.due === undefined || item.due >= today || !item.deadlineField) continue;
    findings.push({
      code: 'overdue',
      severity: 'warning',
      message: t('overdue', item.id, item.shortTitle, item.due, item.deadlineField.value, t(`state.${item.state}`)),
      range: item.deadlineField.valueRange,
      data: { item: item.id, due: item.due },
    });
  }
  return findings;
}

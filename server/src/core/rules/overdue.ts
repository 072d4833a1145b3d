// overdue: an item not yet done whose due date has passed.
import type { Item } from '../model/checklist';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

export function overdueItems({ checklist, t, today }: RuleContext): Finding[] {
  if (today === undefined) return [];
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    if (!isOverdue(item, today) || !item.deadlineField || item.due === undefined) continue;
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

/**
 * Open past its due date: the one decision the diagnostics and every view share. Done, blocked and
 * not applicable items are not late; an item with no readable state (or at risk) still is.
 */
export function isOverdue(item: Item, today: string | undefined): boolean {
  const open = item.state !== 'done' && item.state !== 'blocked' && item.state !== 'not-applicable';
  return open && today !== undefined && item.due !== undefined && item.due < today;
}

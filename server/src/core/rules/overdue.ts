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

/** Pending or in progress past its due date: the one decision the diagnostics and every view share. */
export function isOverdue(item: Item, today: string | undefined): boolean {
  const open = item.state === 'pending' || item.state === 'in-progress';
  return open && today !== undefined && item.due !== undefined && item.due < today;
}

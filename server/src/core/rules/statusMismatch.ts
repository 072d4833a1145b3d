// status-mismatch: what the document says about progress disagrees with itself.
// - an item marked done that still has open placeholders or unchecked boxes;
// - a summary checkbox that disagrees with its item's state;
// - a count the summary states that is not what it lists.
import type { Item } from '../model/checklist';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

export function statusMismatches(ctx: RuleContext): Finding[] {
  return [...doneButOpen(ctx), ...summaryDisagrees(ctx), ...wrongCounts(ctx)];
}

function doneButOpen({ checklist, t }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    if (item.state !== 'done' || !item.stateField) continue;
    const unchecked = item.checkboxes.filter((c) => !c.checked).length;
    // Optional blanks ("[OPCIONAL]", "(si aplica)") never block done.
    const open = item.placeholders.filter((p) => !p.optional).length;
    const parts = [
      open > 0 ? t('mismatch.openPlaceholders', open) : undefined,
      unchecked > 0 ? t('mismatch.uncheckedBoxes', unchecked) : undefined,
    ].filter((p): p is string => p !== undefined);
    if (parts.length === 0) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: t('mismatch.doneButOpen', item.id, item.shortTitle, parts.join(t('mismatch.and'))),
      range: item.stateField.valueRange,
      data: { kind: 'done-but-open', item: item.id },
    });
  }
  return findings;
}

function summaryDisagrees({ checklist, t }: RuleContext): Finding[] {
  const byId = new Map<string, Item>(checklist.items.map((item) => [item.id, item]));
  const findings: Finding[] = [];
  for (const entry of checklist.summary?.groups.flatMap((g) => g.entries) ?? []) {
    const item = entry.itemId === undefined ? undefined : byId.get(entry.itemId);
    if (!item || entry.checked === (item.state === 'done')) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: entry.checked ? t('mismatch.summaryChecked', entry.label, item.id, t(`state.${item.state}`)) : t('mismatch.summaryUnchecked', entry.label, item.id),
      range: entry.boxRange,
      data: { kind: 'summary-box', item: item.id, checked: item.state === 'done' },
    });
  }
  return findings;
}

function wrongCounts({ checklist, t }: RuleContext): Finding[] {
  const summary = checklist.summary;
  if (!summary) return [];
  const findings: Finding[] = [];
  for (const group of summary.groups) {
    if (!group.stated || group.stated.value === group.entries.length) continue;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: t('mismatch.groupCount', group.stated.value, group.entries.length),
      range: group.stated.range,
      data: { kind: 'count', value: group.entries.length },
    });
  }
  const total = summary.total;
  const actual = checklist.items.length;
  if (total && total.value !== actual) {
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: t('mismatch.totalCount', total.value, actual),
      range: total.range,
      data: { kind: 'count', value: actual },
    });
  }
  return findings;
}

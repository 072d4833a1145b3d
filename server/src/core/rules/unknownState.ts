// unknown-state: an item's state says something the vocabulary does not know
// ("Parked until Q3"). Information only: the item counts as not done, and the
// message names the states Readiness reads so the owner can pick one, or teach it
// the word through `stateWords`.
import { isBlankValue } from '../model/blank';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

const KNOWN = ['done', 'in-progress', 'pending', 'blocked', 'at-risk', 'not-applicable'] as const;

export function unknownStates({ checklist, t }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const known = KNOWN.map((state) => t(`state.${state}`)).join(', ');
  for (const item of checklist.items) {
    const field = item.stateField;
    if (item.state !== 'unknown' || !field || item.stateChoice || isBlankValue(field.value)) continue;
    findings.push({
      code: 'unknown-state',
      severity: 'information',
      message: t('unknownState', item.id, item.shortTitle, field.value.slice(0, 60), known),
      range: field.valueRange,
      data: { item: item.id, value: field.value },
    });
  }
  return findings;
}

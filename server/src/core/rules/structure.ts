// structure: a checklist Readiness recognises but cannot read, or reads fewer
// items of than it states. One finding, saying what was expected and the nearest
// line that looks like an item but is not written as one.
import type { Finding } from '../types';
import { range } from '../types';
import type { RuleContext } from './rule';

export function structure({ checklist, text, t }: RuleContext): Finding[] {
  const items = checklist.items.length;
  const nearMiss = checklist.nearMisses?.[0];
  const near = nearMiss ? t('structure.nearMiss', nearMiss.line + 1, nearMiss.text) : '';
  const at = nearMiss
    ? range(nearMiss.line, 0, nearMiss.line, lineLength(text, nearMiss.line))
    : range(0, 0, 0, lineLength(text, 0));
  if (items === 0) {
    const stated =
      checklist.claims?.find((c) => c.counts === 'items' && c.group === undefined) ??
      (checklist.summary?.total ? { value: checklist.summary.total.value } : undefined);
    const expected = stated ? ` (${stated.value})` : '';
    // A warning when the document says what it holds or writes something like an item; otherwise a note.
    const severity = stated || nearMiss ? 'warning' : 'information';
    return [
      {
        code: 'structure',
        severity,
        message: t('structure.none', `${expected}${near}`),
        range: at,
        data: { expected: stated?.value ?? null },
      },
    ];
  }
  const checks = checklist.items.reduce((n, item) => n + item.checks.length, 0);
  const stated = checklist.claims?.find(
    (c) => c.counts === 'items' && c.group === undefined && c.value > items && c.value > checks,
  );
  if (!stated || !nearMiss) return [];
  return [
    {
      code: 'structure',
      severity: 'information',
      message: t('structure.fewer', stated.value, items, near),
      range: at,
      data: { expected: stated.value },
    },
  ];
}

function lineLength(text: string, line: number): number {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return 0;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return (end === -1 ? text.length : end) - start - (text[(end === -1 ? text.length : end) - 1] === '\r' ? 1 : 0);
}

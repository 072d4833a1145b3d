// unfilled-placeholder: a blank of an item that still holds its template text.
import type { Placeholder } from '../model/checklist';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

export function unfilledPlaceholders(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of ctx.checklist.items) {
    const severity = item.blocker ? ctx.settings.placeholderSeverity.blocker : ctx.settings.placeholderSeverity.other;
    for (const placeholder of item.placeholders) {
      findings.push({
        code: 'unfilled-placeholder',
        severity,
        message: ctx.t('item.prefix', item.id, item.shortTitle, describe(placeholder, ctx)),
        range: placeholder.range,
        data: { item: item.id, placeholder: placeholder.text, kind: placeholder.kind },
      });
    }
  }
  return findings;
}

function describe(p: Placeholder, ctx: RuleContext): string {
  const quoted = `"[${p.text}]"`;
  if (p.kind === 'choice') return ctx.t('placeholder.choice', p.options.join(', '));
  if (p.kind !== 'text') return ctx.t(`placeholder.${p.kind}`, labelOr(p, quoted));
  return ctx.t(`placeholder.${p.purpose}`, quoted);
}

function labelOr(p: Placeholder, quoted: string): string {
  return p.label !== '' && p.label.length <= 40 ? `"${p.label}"` : quoted;
}


// unfilled-placeholder: a blank of an item that still holds its template text.
import type { Translate } from '../messages';
import { blankSource } from '../placeholders';
import type { Placeholder } from '../model/checklist';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

interface Cached {
  readonly key: string;
  readonly t: Translate;
  readonly finding: Finding;
}

// Placeholders of blocks that did not change are the same objects from one
// analysis to the next, so their findings are reused instead of worded again.
const cache = new WeakMap<Placeholder, Cached>();

export function unfilledPlaceholders(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of ctx.checklist.items) {
    const severity = item.blocker ? ctx.settings.placeholderSeverity.blocker : ctx.settings.placeholderSeverity.other;
    const key = `${item.id}\n${item.shortTitle}\n${severity}`;
    for (const placeholder of item.placeholders) {
      const cached = cache.get(placeholder);
      if (cached?.key === key && cached.t === ctx.t) {
        findings.push(cached.finding);
        continue;
      }
      const finding: Finding = {
        code: 'unfilled-placeholder',
        severity,
        message: ctx.t('item.prefix', item.id, item.shortTitle, describe(placeholder, ctx)),
        range: placeholder.range,
        data: { item: item.id, placeholder: placeholder.text, kind: placeholder.kind },
      };
      cache.set(placeholder, { key, t: ctx.t, finding });
      findings.push(finding);
    }
  }
  return findings;
}

function describe(p: Placeholder, ctx: RuleContext): string {
  const quoted = `"${blankSource(p)}"`;
  if (p.kind === 'choice') return ctx.t('placeholder.choice', p.options.join(', '));
  if (p.kind !== 'text') return ctx.t(`placeholder.${p.kind}`, labelOr(p, quoted));
  return ctx.t(`placeholder.${p.purpose}`, quoted);
}

function labelOr(p: Placeholder, quoted: string): string {
  return p.label !== '' && p.label.length <= 40 ? `"${p.label}"` : quoted;
}


// unfilled-placeholder: a blank of an item, or of the document outside its items, that still
// holds its template text (or nothing, for an empty cell).
import type { Translate } from '../messages';
import { blankSource } from '../placeholders';
import type { Item, Placeholder } from '../model/checklist';
import type { Finding, Severity } from '../types';
import type { RuleContext } from './rule';

interface Cached {
  readonly key: string;
  readonly t: Translate;
  readonly finding: Finding;
}

// Placeholders of blocks that did not change are the same objects from one
// analysis to the next, so their findings are reused instead of worded again.
const cache = new WeakMap<Placeholder, Cached>();
/** An item's findings, for an item that is the same object as in the last analysis (its parts unchanged). */
const byItem = new WeakMap<
  Item,
  { readonly severity: Severity; readonly t: Translate; readonly findings: Finding[] }
>();

export function unfilledPlaceholders(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of ctx.checklist.items) {
    const severity = item.blocker ? ctx.settings.placeholderSeverity.blocker : ctx.settings.placeholderSeverity.other;
    const known = byItem.get(item);
    if (known?.severity === severity && known.t === ctx.t) {
      for (const finding of known.findings) findings.push(finding);
      continue;
    }
    const own: Finding[] = [];
    const key = `${item.id}\n${item.shortTitle}\n${severity}`;
    for (const placeholder of item.placeholders) {
      const cached = cache.get(placeholder);
      if (cached?.key === key && cached.t === ctx.t) {
        own.push(cached.finding);
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
      own.push(finding);
    }
    byItem.set(item, { severity, t: ctx.t, findings: own });
    for (const finding of own) findings.push(finding);
  }
  for (const placeholder of ctx.checklist.blanks ?? []) {
    findings.push({
      code: 'unfilled-placeholder',
      severity: ctx.settings.placeholderSeverity.other,
      // Outside an item, a choice says which field it answers ("Final decision: choose one of: GO, NO-GO").
      message: ctx.t(
        'placeholder.document',
        placeholder.kind === 'choice' && placeholder.label !== '' && placeholder.label.length <= 40
          ? `${placeholder.label}: ${describe(placeholder, ctx)}`
          : describe(placeholder, ctx),
      ),
      range: placeholder.range,
      data: { item: '', placeholder: placeholder.text, kind: placeholder.kind },
    });
  }
  return findings;
}

function describe(p: Placeholder, ctx: RuleContext): string {
  // An empty cell, a prompt in a comment, a run of underscores or a TBD is named by its column or field.
  const name = fieldName(p.label);
  const named =
    p.shape === 'empty' ||
    p.shape === 'comment' ||
    ((p.shape === 'underscores' || p.shape === 'word') && name !== '' && name.length <= 40);
  const quoted = named ? `"${name}"` : `"${blankSource(p)}"`;
  if (p.kind === 'choice') return ctx.t('placeholder.choice', p.options.join(', '));
  if (p.kind !== 'text') return ctx.t(`placeholder.${p.kind}`, labelOr(p, quoted));
  return ctx.t(`placeholder.${p.purpose}`, quoted);
}

/** The field a label ends with: "Load test — owner" → "owner", "## Release" → "Release". */
function fieldName(label: string): string {
  return (label.split(/\s[—–|;·]\s|[()—–|;·,]|\s{2,}/).at(-1) ?? '').replace(/^[\s#>*_-]+/, '').trim();
}

function labelOr(p: Placeholder, quoted: string): string {
  const name = fieldName(p.label);
  return name !== '' && name.length <= 40 ? `"${name}"` : quoted;
}

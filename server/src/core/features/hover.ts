// Hover text (markdown) for a placeholder or an item heading.
import { blankSource } from '../placeholders';
import type { Translate } from '../messages';
import type { Checklist, Item, Placeholder } from '../model/checklist';
import type { Position, Range } from '../types';
import { itemAt, placeholderAt } from './lookup';

export interface HoverContent {
  readonly markdown: string;
  readonly range: Range;
}

export function hoverAt(checklist: Checklist, position: Position, t: Translate): HoverContent | undefined {
  const found = placeholderAt(checklist, position);
  if (found) return { markdown: placeholderHover(found.item, found.placeholder, t), range: found.placeholder.range };
  const item = itemAt(checklist, position);
  if (item && item.headingRange.start.line === position.line)
    return { markdown: itemHover(item, t), range: item.headingRange };
  return undefined;
}

function expects(p: Placeholder, t: Translate): string {
  if (p.kind === 'choice') return t('hover.kind.choice', p.options.map((o) => `\`${o}\``).join(', '));
  if (p.kind === 'slot') return t('hover.kind.slot', `\`${p.text}\``);
  return t(`hover.kind.${p.kind}`);
}

function placeholderHover(item: Item, p: Placeholder, t: Translate): string {
  return [
    `**${t('hover.placeholder')}** \`${blankSource({ ...p, text: escape(p.text) })}\``,
    '',
    `${t('hover.expects')}: ${expects(p, t)}`,
    '',
    `${t('hover.item')} ${item.id} · ${escape(item.shortTitle)}${item.owner ? ` · ${t('hover.owner')}: ${escape(item.owner)}` : ''}`,
  ].join('\n');
}

function itemHover(item: Item, t: Translate): string {
  const unchecked = item.checkboxes.filter((c) => !c.checked);
  const lines = [
    `**${t('hover.item')} ${item.id} · ${escape(item.title)}**${item.blocker ? ` (${t('hover.blocker')})` : ''}`,
    '',
    `- ${t('hover.state')}: ${t(`state.${item.state}`)}`,
    `- ${t('hover.owner')}: ${escape(item.owner ?? '—')}`,
    `- ${t('hover.due')}: ${item.due ?? t('hover.noDue')}${item.deadline ? ` (${escape(item.deadline)})` : ''}`,
    `- ${t('hover.openPlaceholders')}: ${item.placeholders.length}`,
  ];
  const checks = item.checks.filter((c) => c.state !== 'not-applicable');
  if (checks.length > 0)
    lines.push(`- ${t('hover.checks')}: ${checks.filter((c) => c.state === 'done').length}/${checks.length}`);
  lines.push(`- ${t('hover.uncheckedBoxes')}: ${unchecked.length}`);
  for (const box of unchecked.slice(0, 10)) lines.push(`  - ☐ ${escape(box.label)}`);
  return lines.join('\n');
}

/** Keeps document text from being read as markdown or HTML in the hover. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

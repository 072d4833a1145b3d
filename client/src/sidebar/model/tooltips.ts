// The markdown tooltips of items and placeholders: what the row stands for, in more detail than
// fits on one line. Every piece of document text goes through escapeMarkdown; text the server
// masked (null: a secret touches it) is shown as hidden.
import type { ItemDisplayState, ItemView, Masked, PlaceholderView } from '../../../../server/src/protocol';
import { escapeMarkdown, shorten } from './markdownText';
import type { Translate } from './nodes';

/** How many placeholders and unchecked boxes a tooltip lists before "and N more". */
const LISTED = 8;

export function stateName(state: ItemDisplayState, t: Translate): string {
  switch (state) {
    case 'pending':
      return t('Pending');
    case 'in-progress':
      return t('In progress');
    case 'done':
      return t('Done');
    case 'blocked':
      return t('Blocked');
    case 'at-risk':
      return t('At risk');
    case 'not-applicable':
      return t('Not applicable');
    case 'overdue':
      return t('Overdue');
    case 'unknown':
      return t('No known state');
  }
}

/** @param smokeSection the lines listing the item's smoke tests and their last results (smokeTests.ts) */
export function itemTooltip(item: ItemView, t: Translate, smokeSection: readonly string[] = []): string {
  const hidden = `*${t('hidden: possible secret')}*`;
  const safe = (text: Masked) => (text === null ? hidden : escapeMarkdown(shorten(text)));
  const lines = [
    `**${safe(item.title === null ? null : `${item.id}. ${item.title}`)}**${item.blocker ? ` · ${t('blocker')}` : ''}`,
    '',
    `${t('State')}: ${stateName(item.displayState, t)}`,
  ];
  if (item.overdueSince !== undefined) lines.push('', t('Due {0}: past its date and not done', item.overdueSince));
  if (item.fields.length > 0) {
    lines.push('');
    for (const field of item.fields) lines.push(`- ${escapeMarkdown(field.key)}: ${safe(field.value)}`);
  }
  if (item.placeholders.length > 0) {
    lines.push('', `**${t('Open fields ({0})', item.placeholders.length)}**`);
    for (const p of item.placeholders.slice(0, LISTED))
      lines.push(
        `- ${t('line {0}', p.range.start.line + 1)}: ${p.label ? `${escapeMarkdown(shorten(p.label, 40))} ` : ''}\`[${p.text.replace(/`/g, "'")}]\``,
      );
    if (item.placeholders.length > LISTED) lines.push(`- ${t('and {0} more', item.placeholders.length - LISTED)}`);
  }
  const unchecked = item.uncheckedBoxes;
  if (unchecked.length > 0) {
    lines.push('', `**${t('Unchecked boxes ({0})', unchecked.length)}**`);
    for (const box of unchecked.slice(0, LISTED)) lines.push(`- ☐ ${safe(box.label)}`);
    if (unchecked.length > LISTED) lines.push(`- ${t('and {0} more', unchecked.length - LISTED)}`);
  }
  lines.push(...smokeSection);
  if (item.secrets.length > 0)
    lines.push(
      '',
      `**${t('Possible secrets ({0})', item.secrets.length)}**`,
      ...item.secrets.map((s) => `- ${t('line {0}', s.range.start.line + 1)}: ${escapeMarkdown(s.message)}`),
    );
  return lines.join('\n');
}

/** What a blank asks for, in words. */
export function expects(p: PlaceholderView, t: Translate): string {
  switch (p.kind) {
    case 'choice':
      return t('one of: {0}', p.options.join(', '));
    case 'date':
      return t('a date');
    case 'number':
      return t('a number');
    case 'slot':
      return t('a value such as {0}', `[${p.text}]`);
    case 'text':
      return t('text');
  }
}

export function placeholderTooltip(p: PlaceholderView, item: ItemView, t: Translate): string {
  return [
    `\`[${p.text.replace(/`/g, "'")}]\`${p.label ? ` · ${escapeMarkdown(p.label)}` : ''}`,
    '',
    `${t('Expects')}: ${escapeMarkdown(expects(p, t))}`,
    '',
    `${t('Item {0}', item.id)} · ${item.shortTitle === null ? `*${t('hidden: possible secret')}*` : escapeMarkdown(item.shortTitle)} · ${t('line {0}', p.range.start.line + 1)}`,
  ].join('\n');
}

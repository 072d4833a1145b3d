// Quick fixes and source actions, as plain edits. The server turns them into
// LSP code actions; nothing here knows about the protocol.
import type { Now } from '../dates';
import { detectMojibake } from '../encoding';
import type { Translate } from '../messages';
import type { Checklist, Item, Placeholder } from '../model/checklist';
import { range, type TextEdit } from '../types';
import { SETTABLE_STATES, stateText, type SettableState } from './stateText';

/** LSP code action kinds; source actions are named under `source.readiness.`. */
export type FixKind = 'quickfix' | 'refactor.rewrite' | `source.readiness.${string}`;

export const SYNC_SUMMARY_KIND = 'source.readiness.syncSummary';
export const REDACT_SECRETS_KIND = 'source.readiness.redactSecrets';

export interface Fix {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
}


/** One fix per option of a choice placeholder; today's date for a date placeholder. */
export function placeholderFixes(placeholder: Placeholder, now: Now, t: Translate): Fix[] {
  if (placeholder.kind === 'choice') {
    return placeholder.options.map((option) => ({ title: t('fix.choose', option), kind: 'quickfix' as const, edits: [{ range: placeholder.range, newText: option }] }));
  }
  if (placeholder.kind === 'date') {
    const value = /HH|hora|time/i.test(placeholder.text) ? `${now.date} ${now.time}` : now.date;
    return [{ title: t('fix.insertDate', value), kind: 'quickfix', edits: [{ range: placeholder.range, newText: value }], isPreferred: true }];
  }
  return [];
}

/** Edits that set an item's Estado and keep its summary checkbox in step. */
export function setStateEdits(checklist: Checklist, item: Item, state: SettableState): TextEdit[] {
  const edits: TextEdit[] = [];
  if (item.stateField) edits.push({ range: item.stateField.valueRange, newText: stateText(state, checklist.language) });
  const entry = checklist.summary?.groups.flatMap((g) => g.entries).find((e) => e.itemId === item.id);
  if (entry && entry.checked !== (state === 'done')) edits.push({ range: entry.boxRange, newText: state === 'done' ? '[x]' : '[ ]' });
  return edits;
}

export function stateFixes(checklist: Checklist, item: Item, t: Translate): Fix[] {
  if (!item.stateField) return [];
  return SETTABLE_STATES.filter((state) => state !== item.state).map((state) => ({
    title: t('fix.setState', item.id, stateText(state, checklist.language)),
    kind: 'refactor.rewrite' as const,
    edits: setStateEdits(checklist, item, state),
  }));
}

/** "Mark item N as not applicable": its state, written in the document's language; progress and the verdict then leave it out. */
export function notApplicableFix(checklist: Checklist, item: Item, t: Translate): Fix | undefined {
  if (!item.stateField || item.state === 'not-applicable') return undefined;
  return { title: t('fix.notApplicable', item.id), kind: 'quickfix', edits: setStateEdits(checklist, item, 'not-applicable') };
}

/** Ticks or unticks every summary line whose item's state says otherwise. */
export function syncSummaryEdits(checklist: Checklist): TextEdit[] {
  const states = new Map(checklist.items.map((item) => [item.id, item.state]));
  const edits: TextEdit[] = [];
  for (const entry of checklist.summary?.groups.flatMap((g) => g.entries) ?? []) {
    if (entry.itemId === undefined) continue;
    const done = states.get(entry.itemId) === 'done';
    if (entry.checked !== done) edits.push({ range: entry.boxRange, newText: done ? '[x]' : '[ ]' });
  }
  return edits;
}

export function syncSummaryFix(checklist: Checklist, t: Translate, kind: FixKind): Fix | undefined {
  const edits = syncSummaryEdits(checklist);
  return edits.length === 0 ? undefined : { title: t('fix.syncSummary'), kind, edits };
}

/** Replaces the whole document with its repaired text. */
export function repairEncodingFix(text: string, t: Translate): Fix | undefined {
  const repair = detectMojibake(text);
  if (!repair) return undefined;
  const lines = text.split('\n');
  const last = lines.length - 1;
  return {
    title: t('fix.repairEncoding', repair.encoding),
    kind: 'quickfix',
    isPreferred: true,
    edits: [{ range: range(0, 0, last, lines[last]?.length ?? 0), newText: repair.repaired }],
  };
}

export { SETTABLE_STATES, type SettableState };

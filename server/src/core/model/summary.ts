// Maps the summary's checkbox lines to items. The summary names items its own
// way ("PR Final Aprobado" for "PR Final Aprobado y Mergeable") and groups them
// its own way, so lines match items in document order, and names only confirm.
import type { SummaryEntry } from './checklist';

export interface ItemName {
  readonly id: string;
  readonly title: string;
}

type Entry = Omit<SummaryEntry, 'itemId' | 'nameMatches'>;

export function matchSummary(entries: readonly Entry[], items: readonly ItemName[]): SummaryEntry[] {
  if (entries.length === items.length) {
    return entries.map((entry, i) => {
      const item = items[i];
      return { ...entry, itemId: item?.id, nameMatches: item ? namesMatch(entry.label, item.title) : false };
    });
  }
  // Counts differ: walk both in order and let names decide where an item or a line was skipped.
  const matched: SummaryEntry[] = [];
  let next = 0;
  for (const entry of entries) {
    const ahead = items.slice(next, next + 3).findIndex((item) => namesMatch(entry.label, item.title));
    if (ahead === -1) {
      matched.push({ ...entry, itemId: undefined, nameMatches: false });
      continue;
    }
    const item = items[next + ahead];
    matched.push({ ...entry, itemId: item?.id, nameMatches: true });
    next += ahead + 1;
  }
  return matched;
}

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}

const matches = new Map<string, boolean>();

/** True when most words of the summary's name appear in the item's title. */
export function namesMatch(label: string, title: string): boolean {
  const key = `${label}\n${title}`;
  let result = matches.get(key);
  if (result === undefined) {
    result = compareNames(label, title);
    // Bounded: an editing session sees few distinct pairs, but a pathological document must not grow this forever.
    if (matches.size > 10_000) matches.clear();
    matches.set(key, result);
  }
  return result;
}

function compareNames(label: string, title: string): boolean {
  const labelWords = words(label.replace(/\(.*?\)/g, ''));
  const titleWords = new Set(words(title));
  if (labelWords.length === 0) return false;
  const shared = labelWords.filter((word) => titleWords.has(word) || [...titleWords].some((t) => t.startsWith(word) || word.startsWith(t))).length;
  return shared / labelWords.length >= 0.5;
}

// Maps the summary's lines to items. The summary names items its own way ("PR Final
// Aprobado" for "PR Final Aprobado y Mergeable") and groups them its own way, so a
// line goes to the item whose title its name matches best, nearest its place in
// order; lines and items left over pair by order only when as many of each remain.
import type { SummaryEntry } from './checklist';

export interface ItemName {
  readonly id: string;
  readonly title: string;
}

type Entry = Omit<SummaryEntry, 'itemId' | 'nameMatches'>;

export function matchSummary(entries: readonly Entry[], items: readonly ItemName[]): SummaryEntry[] {
  const taken = new Set<number>();
  const matchedTo: (number | undefined)[] = [];
  let expected = 0;
  for (const entry of entries) {
    let best: number | undefined;
    let bestScore = 0;
    const consider = (i: number) => {
      const item = items[i];
      if (!item || taken.has(i)) return;
      const score = nameScore(entry.label, item.title);
      if (score < 0.5) return;
      const better =
        score > bestScore ||
        (score === bestScore && best !== undefined && Math.abs(i - expected) < Math.abs(best - expected));
      if (best === undefined || better) {
        best = i;
        bestScore = score;
      }
    };
    // Near its place in order first (a summary mostly follows the document), then anywhere.
    consider(expected);
    const from = bestScore === 1 ? expected : Math.max(0, expected - 8);
    const to = bestScore === 1 ? expected : Math.min(items.length, expected + 24);
    for (let i = from; i < to; i++) consider(i);
    if (best === undefined) for (let i = 0; i < items.length; i++) if (i < from || i >= to) consider(i);
    matchedTo.push(best);
    if (best !== undefined) {
      taken.add(best);
      expected = best + 1;
    } else {
      expected++;
    }
  }
  const leftoverEntries = matchedTo.flatMap((m, i) => (m === undefined ? [i] : []));
  const leftoverItems = items.flatMap((_, i) => (taken.has(i) ? [] : [i]));
  const byOrder = new Map<number, number>();
  if (leftoverEntries.length === leftoverItems.length)
    leftoverEntries.forEach((e, k) => byOrder.set(e, leftoverItems[k] ?? -1));
  return entries.map((entry, i) => {
    const named = matchedTo[i];
    const index = named ?? byOrder.get(i);
    return { ...entry, itemId: index === undefined ? undefined : items[index]?.id, nameMatches: named !== undefined };
  });
}

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}

const scores = new Map<string, number>();

/** The share of the summary name's words that appear in the item's title (prefixes count). */
function nameScore(label: string, title: string): number {
  const key = `${label}\n${title}`;
  let result = scores.get(key);
  if (result === undefined) {
    result = compareNames(label, title);
    // Bounded: an editing session sees few distinct pairs, but a pathological document must not grow this forever.
    if (scores.size > 10_000) scores.clear();
    scores.set(key, result);
  }
  return result;
}

/** True when most words of the summary's name appear in the item's title. */
export function namesMatch(label: string, title: string): boolean {
  return nameScore(label, title) >= 0.5;
}

/** "alert" and "alerts", "dependency" and "dependencias": one starts the other, or they share five letters. */
function sameStem(a: string, b: string): boolean {
  if (a.length > 2 && b.length > 2 && (a.startsWith(b) || b.startsWith(a))) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 5;
}

function compareNames(label: string, title: string): number {
  const labelWords = words(label.replace(/\(.*?\)/g, ''));
  const titleWords = new Set(words(title));
  if (labelWords.length === 0) return 0;
  const shared = labelWords.filter(
    (word) => titleWords.has(word) || [...titleWords].some((t) => sameStem(word, t)),
  ).length;
  return shared / labelWords.length;
}

// The one redaction point: every string built from document text that leaves the
// core (messages, hovers, completions, fix titles, the outline, the CLI's JSON
// items) passes through a document's SafeText, which masks the values the secret
// detector flagged in that document, and anything secret-shaped it finds in the
// string itself (a secret typed inside brackets, an Owner that is a token).
import { LineIndex } from './markdown/lines';
import type { Checklist, Field, Item, Placeholder } from './model/checklist';
import { declaredSecretNames, REDACTION_MASK, redact, scanSecrets, type ScanOptions } from './secrets';
import type { Finding } from './types';

export type SafeText = (text: string) => string;

/**
 * Strings already passed through the detector, with their redaction: an analyzer keeps it from
 * one analysis to the next (for the same options), so a keystroke scans only new strings.
 */
export interface DetectorMemo {
  get(text: string): string | undefined;
  set(text: string, redacted: string): void;
}

/** Shorter pieces of a flagged value are not searched for: they would match unrelated text. */
const MIN_PIECE = 8;

/**
 * A document's SafeText: masks each flagged value, and every piece of at least
 * {@link MIN_PIECE} characters of it (a title that quotes half a token), then whatever
 * the detector flags in the string alone, knowing the names the document declares as
 * secrets (`options.vocabulary`: "LOG_TOKEN=…" where the checklist lists LOG_TOKEN) and
 * those the string declares itself.
 */
export function safeTextFor(
  text: string,
  findings: readonly Finding[],
  options: ScanOptions = {},
  scanned: DetectorMemo = new Map<string, string>(),
): SafeText {
  const values = flaggedValues(text, findings);
  const cache = new Map<string, string>();
  return (input) => {
    if (input === '') return input;
    let out = cache.get(input);
    if (out !== undefined) return out;
    const spans: { start: number; end: number }[] = [];
    for (const value of values) {
      for (const piece of pieces(value)) {
        for (let at = input.indexOf(piece); at !== -1; at = input.indexOf(piece, at + 1))
          spans.push({ start: at, end: at + piece.length });
      }
    }
    out = redact(input, spans);
    // What the detector finds in a string depends on the string and the options alone.
    const partial = out;
    let detected = scanned.get(partial);
    if (detected === undefined) {
      const vocabulary = [...(options.vocabulary ?? []), ...declaredSecretNames(partial)];
      detected = redact(partial, scanSecrets(partial, { ...options, vocabulary }));
      scanned.set(partial, detected);
    }
    out = detected;
    cache.set(input, out);
    return out;
  };
}

/** The values the secret findings flag that SafeText masks: with the options, all its result depends on. */
export function flaggedValues(text: string, findings: readonly Finding[]): string[] {
  const secrets = findings.filter((f) => f.code === 'secret');
  if (secrets.length === 0) return [];
  const lines = new LineIndex(text);
  return secrets
    .map((f) => text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)))
    .filter((v) => v.length >= 4);
}

/** The value, and its windows of MIN_PIECE characters (each long substring contains one). */
function pieces(value: string): string[] {
  if (value.length <= MIN_PIECE) return [value];
  const out = [value];
  for (let i = 0; i + MIN_PIECE <= value.length; i++) out.push(value.slice(i, i + MIN_PIECE));
  return out;
}

/** True when a string had something masked. */
export function wasMasked(text: string): boolean {
  return text.includes(REDACTION_MASK);
}

/**
 * The model with every string from the document passed through SafeText; ranges, states and fences stay as they are (the smoke runner reads fences from the text).
 * `reuse` maps items of an earlier model to their safe copies made by a SafeText that masks alike (same flagged values and options):
 * the items a keystroke left alone (the same objects) are not copied again, and stay the same objects for the rules' caches.
 */
export function safeChecklist(checklist: Checklist, safe: SafeText, reuse?: WeakMap<object, object>): Checklist {
  const placeholder = (p: Placeholder): Placeholder => ({
    ...p,
    text: safe(p.text),
    label: safe(p.label),
    options: p.options.map(safe),
  });
  const field = (f: Field): Field => ({ ...f, key: safe(f.key), value: safe(f.value) });
  const copy = (i: Item): Item => {
    // The Deadline and Estado fields stay the very entries of `fields` (readers compare them by identity).
    const fields: Field[] = i.fields.map(field);
    const same = (f: Field | undefined) => (f === undefined ? undefined : (fields[i.fields.indexOf(f)] ?? field(f)));
    return {
      ...i,
      title: safe(i.title),
      shortTitle: safe(i.shortTitle),
      group: safe(i.group),
      owner: i.owner === undefined ? undefined : safe(i.owner),
      deadline: i.deadline === undefined ? undefined : safe(i.deadline),
      deadlineField: same(i.deadlineField),
      stateField: same(i.stateField),
      fields,
      checkboxes: i.checkboxes.map((c) => ({ ...c, label: safe(c.label) })),
      checks: i.checks.map((c) => ({ ...c, label: safe(c.label) })),
      stateChoice: i.stateChoice?.map((c) => ({ ...c, label: safe(c.label) })),
      placeholders: i.placeholders.map(placeholder),
      references: i.references.map((r) => ({
        ...r,
        text: safe(r.text),
        path: safe(r.path),
      })),
    };
  };
  const item = (i: Item): Item => {
    if (!reuse) return copy(i);
    let made = reuse.get(i) as Item | undefined;
    if (!made) reuse.set(i, (made = copy(i)));
    return made;
  };
  return {
    ...checklist,
    title: checklist.title === undefined ? undefined : safe(checklist.title),
    fields: checklist.fields.map(field),
    ...(checklist.claims && {
      claims: checklist.claims.map((c) => ({ ...c, group: c.group === undefined ? undefined : safe(c.group) })),
    }),
    ...(checklist.overall && { overall: checklist.overall.map((o) => ({ ...o, text: safe(o.text) })) }),
    ...(checklist.nearMisses && { nearMisses: checklist.nearMisses.map((n) => ({ ...n, text: safe(n.text) })) }),
    ...(checklist.blanks && { blanks: checklist.blanks.map(placeholder) }),
    groups: checklist.groups.map((g) => ({ ...g, title: safe(g.title) })),
    items: checklist.items.map(item),
    summary: checklist.summary && {
      ...checklist.summary,
      title: safe(checklist.summary.title),
      groups: checklist.summary.groups.map((g) => ({
        ...g,
        title: safe(g.title),
        entries: g.entries.map((e) => ({ ...e, label: safe(e.label) })),
      })),
    },
  };
}

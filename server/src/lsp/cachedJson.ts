// The message encoder of the stdio transport. A big checklist has thousands of
// diagnostics and a keystroke changes a few, yet every publication (or pulled
// report) carries them all: serialising the whole list each time was the largest
// cost of a keystroke after the analysis itself. Frozen values registered here
// (the diagnostics of `diagnosticsCache.ts`) are serialised once and their UTF-8
// bytes reused, and the items a list shares at its start and end with the list
// sent before are copied from that message's bytes in two pieces; the rest of a
// message is serialised as usual.
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const texts = new WeakMap<object, string>();
const bytes = new WeakMap<object, Buffer>();

/** The JSON of a frozen value, computed once and kept for as long as the value lives. */
export function jsonOf(value: object): string {
  let json = texts.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    if (Object.isFrozen(value)) texts.set(value, json);
  }
  return json;
}

function bytesOf(item: unknown): Buffer {
  if (typeof item !== 'object' || item === null) return Buffer.from(JSON.stringify(item) ?? 'null', 'utf8');
  // The common case first: an unchanged diagnostic sent before.
  let cached = bytes.get(item);
  if (cached) return cached;
  if (!texts.has(item)) return Buffer.from(JSON.stringify(item) ?? 'null', 'utf8');
  bytes.set(item, (cached = Buffer.from(jsonOf(item), 'utf8')));
  return cached;
}

/**
 * The last message with a list: its items, its bytes, where the list starts in them and where each item's
 * bytes end (from there). The next list (the same document after a keystroke) mostly starts and ends with
 * the same items: those bytes are copied in two pieces rather than gathered item by item.
 */
let last:
  | { readonly items: readonly unknown[]; readonly bytes: Buffer; readonly list: number; readonly ends: Uint32Array }
  | undefined;

/** Items the same as before by identity, whose JSON therefore is too (frozen values). */
const reusable = (a: unknown, b: unknown) => a === b && typeof a === 'object' && a !== null && Object.isFrozen(a);

/** `head`, the items' JSON joined by commas, and `tail`, in one buffer. */
function withList(head: Buffer, items: readonly unknown[], tail: Buffer): Buffer {
  const previous = last;
  let prefix = 0;
  let suffix = 0;
  if (previous) {
    const max = Math.min(items.length, previous.items.length);
    while (prefix < max && reusable(items[prefix], previous.items[prefix])) prefix++;
    while (
      suffix < max - prefix &&
      reusable(items[items.length - 1 - suffix], previous.items[previous.items.length - 1 - suffix])
    )
      suffix++;
  }
  // Item i of the previous list spans [startOf(i), endOf(i)) from its start; a comma follows all but the last.
  const endOf = (i: number) => previous?.ends[i] ?? 0;
  const startOf = (i: number) => (i === 0 ? 0 : endOf(i - 1) + 1);
  const middle = items.slice(prefix, items.length - suffix).map(bytesOf);
  const from = previous ? previous.items.length - suffix : 0;
  const ends = new Uint32Array(items.length);
  let length = 0;
  for (let i = 0; i < items.length; i++) {
    const size =
      i < prefix
        ? endOf(i) - startOf(i)
        : i >= items.length - suffix
          ? endOf(from + i - (items.length - suffix)) - startOf(from + i - (items.length - suffix))
          : (middle[i - prefix]?.length ?? 0);
    length += (i > 0 ? 1 : 0) + size;
    ends[i] = length;
  }
  const out = Buffer.allocUnsafe(head.length + length + tail.length);
  const list = head.copy(out, 0);
  let at = list;
  if (previous && prefix > 0) at += previous.bytes.copy(out, at, previous.list, previous.list + endOf(prefix - 1));
  for (const piece of middle) {
    if (at > list) out[at++] = COMMA;
    at += piece.copy(out, at);
  }
  if (previous && suffix > 0) {
    if (at > list) out[at++] = COMMA;
    at += previous.bytes.copy(out, at, previous.list + startOf(from), previous.list + endOf(previous.items.length - 1));
  }
  tail.copy(out, at);
  last = { items, bytes: out, list, ends };
  return out;
}

const MARK = `\u0000readiness-cached-list-${Math.random()}`;
const MARK_JSON = JSON.stringify(MARK);
const COMMA = 0x2c;

/** The message with its diagnostics list (published or pulled) replaced by a marker, and that list. */
function splitList(message: Message): { readonly outer: unknown; readonly items: readonly unknown[] } | undefined {
  const m = message as {
    method?: unknown;
    params?: { diagnostics?: unknown };
    result?: { kind?: unknown; items?: unknown };
  };
  if (m.method === 'textDocument/publishDiagnostics' && m.params && Array.isArray(m.params.diagnostics)) {
    return { outer: { ...m, params: { ...m.params, diagnostics: MARK } }, items: m.params.diagnostics };
  }
  if (m.result && m.result.kind === 'full' && Array.isArray(m.result.items)) {
    return { outer: { ...m, result: { ...m.result, items: MARK } }, items: m.result.items };
  }
  return undefined;
}

/** The message as UTF-8 JSON, byte for byte what `JSON.stringify` gives. */
export function encodeMessage(message: Message): Buffer {
  const split = splitList(message);
  if (!split || split.items.length < 2) return Buffer.from(JSON.stringify(message), 'utf8');
  const json = JSON.stringify(split.outer);
  const at = json.indexOf(MARK_JSON);
  return withList(
    Buffer.from(`${json.slice(0, at)}[`, 'utf8'),
    split.items,
    Buffer.from(`]${json.slice(at + MARK_JSON.length)}`, 'utf8'),
  );
}

export const cachedJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => Promise.resolve(encodeMessage(message)),
};

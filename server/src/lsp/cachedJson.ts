// The message encoder of the stdio transport. A big checklist has thousands of
// diagnostics and a keystroke changes a few, yet every publication (or pulled
// report) carries them all: serialising the whole list each time was the largest
// cost of a keystroke after the analysis itself. Frozen values registered here
// (the diagnostics of `diagnosticsCache.ts`) are serialised once and their UTF-8
// bytes reused; the rest of a message is serialised as usual.
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

const MARK = `\u0000readiness-cached-list-${Math.random()}`;
const MARK_JSON = JSON.stringify(MARK);
const COMMA = Buffer.from(',');

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
  const pieces: Buffer[] = [Buffer.from(`${json.slice(0, at)}[`, 'utf8')];
  split.items.forEach((item, i) => {
    if (i > 0) pieces.push(COMMA);
    pieces.push(bytesOf(item));
  });
  pieces.push(Buffer.from(`]${json.slice(at + MARK_JSON.length)}`, 'utf8'));
  return Buffer.concat(pieces);
}

export const cachedJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => Promise.resolve(encodeMessage(message)),
};

// What a smoke test says it expects besides a 2xx answer: the status it names ("→ 201",
// "expect 204", "debe devolver 404", an "Expected status: 201" field) and the JSON keys the
// response must hold (a "SessionId obtenido" field, "# returns `sessionId`", "# claves: id, name").
// Read from the test's comment lines and its evidence fields, never from pasted output.

export interface ExpectedStatus {
  readonly code: number;
  /** As written, for messages: "→ 201", "expect 204". */
  readonly text: string;
}

export interface ExpectedKey {
  /** As written: "SessionId", "session_id". */
  readonly key: string;
}

export interface Expectations {
  readonly status: ExpectedStatus | undefined;
  readonly keys: readonly ExpectedKey[];
}

export const NO_EXPECTATIONS: Expectations = Object.freeze({ status: undefined, keys: Object.freeze([]) });

// A word that announces a status, then at most a few filler words, then the code. A code followed by
// a unit ("200ms", "200 s", "200%") is a time or a rate, never a status.
const STATUS_TRIGGER = String.raw`(?:→|->|=>|⇒|\bexpect(?:s|ed|ing)?\b|\besperad[oa]s?\b|\bespera(?:mos|r)?\b|\bstatus\b|\bestado\s+http\b|\bc[oó]digo\b|\bcode\b|\bHTTP\b|\breturns?\b|\bresponds?\b|\bdevuelve\b|\bdevolver\b|\bresponde\b|\bresponder\b|\bretorna\b)`;
const STATUS_FILLER = String.raw`(?:\s*(?:[:=]|\bstatus\b|\bcode\b|\bHTTP\b|\bwith\b|\ba\b|\ban\b|\bcon\b|\bun\b|\bel\b|\bestado\b|\bc[oó]digo\b|\bde\b))*`;
const STATUS = new RegExp(
  `${STATUS_TRIGGER}${STATUS_FILLER}\\s*([1-5]\\d\\d)(?![\\d.,]|\\s*(?:ms|s|seg|segundos?|secs?|seconds?|%|kb|mb|bytes?)\\b|%)`,
  'i',
);

// Keys a comment names: after "keys:/fields:/claves:/campos:" a list of identifiers; after "contains/includes/
// has/contiene/incluye" identifiers in backticks, quotes or braces; after "returns/with/devuelve/con" only in
// backticks or braces (a quoted word there is more often a value: `returns "ok"`).
const KEY_LIST =
  /\b(?:keys?|fields?|claves?|campos?|propert(?:y|ies)|propiedad(?:es)?)(?:\s+(?:expected|required|esperad[oa]s?|requerid[oa]s?))?\s*[:=]\s*((?:[`"'{]?\s*[A-Za-z_$][\w$.-]*\s*[`"'}]?\s*(?:,|\/|\band\b|\by\b|&)?\s*)+)/i;
const KEY_VERB =
  /\b(?:contains?|includes?|has|must\s+(?:have|include|contain)|contiene|incluye|tiene|debe\s+(?:tener|incluir|contener))\b([^#]*)/i;
const KEY_VERB_WEAK = /\b(?:returns?|with|con|devuelve|trae|debe\s+devolver)\b([^#]*)/i;
const QUOTED = /`([A-Za-z_$][\w$.-]*)`|"([A-Za-z_$][\w$.-]*)"|'([A-Za-z_$][\w$.-]*)'/g;
const BACKTICKED = /`([A-Za-z_$][\w$.-]*)`/g;
const BRACED = /\{\s*([A-Za-z_$][\w$-]*(?:\s*,\s*[A-Za-z_$][\w$-]*)*)\s*,?\s*\}/g;
const IDENT = /[A-Za-z_$][\w$-]*/g;
/** Words between the keys of a list: "id, name and email", "sessionId y reply". */
const CONNECTIVES = new Set(['and', 'y', 'e', 'or', 'o']);
/** Words that end a key list: "keys id and name present in the response". */
const NOT_KEYS = new Set([
  'present',
  'presente',
  'presentes',
  'must',
  'should',
  'debe',
  'deben',
  'in',
  'en',
  'the',
  'la',
  'el',
  'los',
  'las',
  'del',
  'de',
  'response',
  'respuesta',
  'json',
  'body',
  'be',
  'is',
  'are',
  'exist',
  'existe',
  'existen',
  'with',
  'con',
  'a',
  'an',
  'un',
  'una',
]);

/** The status a line of text names, if any. */
export function statusIn(text: string): ExpectedStatus | undefined {
  const match = STATUS.exec(text);
  if (!match) return undefined;
  return { code: Number(match[1]), text: match[0].trim().replace(/\s+/g, ' ') };
}

/** The JSON keys a comment line names, if any. */
export function keysIn(text: string): string[] {
  const found: string[] = [];
  const list = KEY_LIST.exec(text);
  if (list) {
    for (const word of (list[1] ?? '').match(IDENT) ?? []) {
      const lower = word.toLowerCase();
      if (CONNECTIVES.has(lower)) continue;
      if (NOT_KEYS.has(lower)) break;
      found.push(word);
    }
  }
  const strong = KEY_VERB.exec(text);
  const weak = strong ? undefined : KEY_VERB_WEAK.exec(text);
  const rest = (strong ?? weak)?.[1] ?? '';
  for (const match of rest.matchAll(strong ? QUOTED : BACKTICKED)) found.push(match[1] ?? match[2] ?? match[3] ?? '');
  for (const match of rest.matchAll(BRACED)) found.push(...(match[1] ?? '').split(',').map((k) => k.trim()));
  return dedupeKeys(found.filter((k) => k !== '' && !/^\d/.test(k)));
}

/** An "Expected ...:" field's value: a status (`201`, `201 Created`) or, when its label names keys, a key list. */
export function expectationField(label: string, value: string): Partial<Expectations> {
  if (/\b(?:keys?|fields?|claves?|campos?|propert(?:y|ies)|propiedad(?:es)?)\b/i.test(label)) {
    return {
      keys: dedupeKeys(
        (value.match(IDENT) ?? []).filter((k) => !NOT_KEYS.has(k.toLowerCase()) && !CONNECTIVES.has(k.toLowerCase())),
      ).map((key) => ({ key })),
    };
  }
  const code = /^\s*(?:HTTP\s*)?([1-5]\d\d)\b/i.exec(value);
  return code ? { status: { code: Number(code[1]), text: `${label.trim()}: ${value.trim()}` } } : {};
}

/** Comment lines and expectation fields together; the first status named wins, keys accumulate. */
export function expectationsOf(
  comments: readonly string[],
  fields: readonly Partial<Expectations>[],
  captureSubjects: readonly string[],
): Expectations {
  let status: ExpectedStatus | undefined;
  const keys: string[] = [...captureSubjects];
  for (const field of fields) {
    status ??= field.status;
    keys.push(...(field.keys ?? []).map((k) => k.key));
  }
  for (const comment of comments) {
    const text = comment.replace(/^#+\s*/, '');
    status ??= statusIn(text);
    keys.push(...keysIn(text));
  }
  const unique = dedupeKeys(keys);
  if (status === undefined && unique.length === 0) return NO_EXPECTATIONS;
  return { status, keys: unique.map((key) => ({ key })) };
}

/** "SessionId", "session_id", "Session ID" → "sessionid". */
export const keyOf = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function dedupeKeys(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const norm = keyOf(key);
    if (norm === '' || seen.has(norm)) return false;
    seen.add(norm);
    return true;
  });
}

/** Whether a JSON value holds the key (by `keyOf`, at any depth up to 8 levels, not null). */
export function hasKey(json: unknown, key: string, depth = 0): boolean {
  if (json === null || typeof json !== 'object' || depth > 8) return false;
  const wanted = keyOf(key);
  if (Array.isArray(json)) return json.some((entry) => hasKey(entry, key, depth + 1));
  for (const [name, value] of Object.entries(json)) {
    if (keyOf(name) === wanted && value !== null && value !== undefined) return true;
  }
  return Object.values(json).some((value) => hasKey(value, key, depth + 1));
}

/** The top-level keys of a JSON value, for "what came" in a missing-key failure. */
export function topLevelKeys(json: unknown): string[] | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  return Object.keys(json);
}

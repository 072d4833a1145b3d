// Values one test hands to the next: a response's `sessionId` fills `<sid>`
// (the mapping is a setting) and the test's "SessionId obtenido" field. A value
// already filled in the document is used when the run has not captured one.
import { keyOf } from './expectations';
import { parseJsonPath, valueAt, type JsonPath } from './pipes';
import type { SmokeSuite } from './recognize';

/** "SessionId", "session_id", "Session ID" → "sessionid". */
export const subjectKey = keyOf;

function pathOf(written: string): JsonPath | undefined {
  return parseJsonPath(written.startsWith('.') ? written : `.${written}`);
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** The variables a JSON response fills, by the configured mapping. */
export function capturedVariables(json: unknown, mapping: Readonly<Record<string, string>>): Map<string, string> {
  const values = new Map<string, string>();
  for (const [variable, written] of Object.entries(mapping)) {
    const path = pathOf(written);
    const value = path ? scalar(valueAt(json, path)) : undefined;
    if (value !== undefined) values.set(variable, value);
  }
  return values;
}

/** The value a capture field ("SessionId obtenido") asks for: a mapped path ending in that name, or a top-level key. */
export function valueForSubject(
  json: unknown,
  subject: string,
  mapping: Readonly<Record<string, string>>,
): string | undefined {
  const key = subjectKey(subject);
  for (const written of Object.values(mapping)) {
    const path = pathOf(written);
    const last = path?.[path.length - 1];
    if (path && typeof last === 'string' && subjectKey(last) === key) {
      const value = scalar(valueAt(json, path));
      if (value !== undefined) return value;
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const entry = Object.entries(json).find(([name]) => subjectKey(name) === key);
  return entry ? scalar(entry[1]) : undefined;
}

/** Variables filled from capture fields the document already holds. */
export function documentVariables(suite: SmokeSuite, mapping: Readonly<Record<string, string>>): Map<string, string> {
  const filled = new Map<string, string>();
  for (const test of suite.tests) {
    for (const slot of test.slots.captures) if (slot.filled) filled.set(subjectKey(slot.subject), slot.value.trim());
  }
  const values = new Map<string, string>();
  for (const [variable, written] of Object.entries(mapping)) {
    const path = pathOf(written);
    const last = path?.[path.length - 1];
    const value = typeof last === 'string' ? filled.get(subjectKey(last)) : undefined;
    if (value !== undefined) values.set(variable, value);
  }
  for (const [key, value] of filled) if (!values.has(key)) values.set(key, value);
  return values;
}

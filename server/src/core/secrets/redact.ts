// Replacing secrets with a mask, for the "Redact" quick fixes and for command output
// the smoke-test runner pastes into the checklist.
//
// The mask is ‹redacted› (U+2039, U+203A): not a checklist placeholder (those are
// [...] and <...> in ASCII, which the placeholder diagnostics would then report as
// unfilled), and not a secret either, since every rule drops values saying "redacted".
import { scanSecrets } from './scan';
import type { ScanOptions, TextSpan } from './types';

export const REDACTION_MASK = '‹redacted›';

/** Known values shorter than this are not replaced: they would match unrelated text. */
export const MIN_REDACTED_VALUE_LENGTH = 4;

/** Replaces each span (e.g. each SecretMatch) with the mask; overlapping or touching spans become one mask. */
export function redact(text: string, spans: readonly TextSpan[]): string {
  const sorted = spans
    .map((span) => ({ start: Math.max(0, span.start), end: Math.min(text.length, span.end) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  let result = '';
  let copied = 0;
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]?.start ?? 0;
    let end = sorted[i]?.end ?? 0;
    while (i + 1 < sorted.length && (sorted[i + 1]?.start ?? 0) <= end) end = Math.max(end, sorted[++i]?.end ?? 0);
    if (start < copied) continue;
    result += text.slice(copied, start) + REDACTION_MASK;
    copied = end;
  }
  return result + text.slice(copied);
}

/** Replaces every occurrence of each known secret value (e.g. from secret storage) with the mask. */
export function redactValues(text: string, values: readonly string[]): string {
  const spans: TextSpan[] = [];
  for (const value of new Set(values)) {
    if (value.length < MIN_REDACTED_VALUE_LENGTH) continue;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
      spans.push({ start: at, end: at + value.length });
  }
  return redact(text, spans);
}

/** Scans the text and redacts what it finds: `redact(text, scanSecrets(text, options))`. */
export function redactSecrets(text: string, options?: ScanOptions): string {
  return redact(text, scanSecrets(text, options));
}

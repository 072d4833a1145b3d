// Masks secrets in everything a run writes or prints: the exact values of the
// secrets it used (also as they appear URL-encoded, JSON-escaped or inside a
// Basic auth header), and whatever the secret detector flags.
import type { SecretDetector } from './ports';

export const MASK = '***';

export type Redactor = (text: string) => string;

// A stand-in for the detector of core/secrets: API keys of the `sk-...` kind and
// `NAME_KEY=value` lines whose name says they hold a secret.
const SK_KEY = /\bsk-[A-Za-z0-9_-]{16,}/g;
const NAMED_SECRET = /\b[A-Z][A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD)\s*[=:]\s*["']?([^\s"']+)/g;

export const defaultSecretDetector: SecretDetector = (text) => {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(SK_KEY)) spans.push({ start: match.index, end: match.index + match[0].length });
  for (const match of text.matchAll(NAMED_SECRET)) {
    const value = match[1] ?? '';
    if (value === MASK) continue;
    const end = match.index + match[0].length;
    spans.push({ start: end - value.length, end });
  }
  return spans;
};

/** Every form in which a secret value may come back in a response. */
function formsOf(value: string): string[] {
  const forms = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  return [...forms].filter((f) => f !== '');
}

export function createRedactor(secretValues: Iterable<string>, detect: SecretDetector = defaultSecretDetector): Redactor {
  // Longest first, so a secret that contains another is masked whole.
  const forms = [...new Set([...secretValues].flatMap(formsOf))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(MASK);
    const spans = [...detect(out)].sort((a, b) => b.start - a.start);
    let lastStart = Number.POSITIVE_INFINITY;
    for (const { start, end } of spans) {
      // Overlapping spans: the later one (in text order) was already masked from its start.
      const to = Math.min(end, lastStart);
      if (start >= to || start < 0) continue;
      out = out.slice(0, start) + MASK + out.slice(to);
      lastStart = start;
    }
    return out;
  };
}

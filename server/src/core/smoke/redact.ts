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

function mergeSpans(
  spans: Iterable<{ readonly start: number; readonly end: number }>,
): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const { start, end } of [...spans]
    .filter((s) => s.start >= 0 && s.end > s.start)
    .sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

export function createRedactor(
  secretValues: Iterable<string>,
  detect: SecretDetector = defaultSecretDetector,
): Redactor {
  // Longest first, so a secret that contains another is masked whole.
  const forms = [...new Set([...secretValues].flatMap(formsOf))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(MASK);
    // Masked from the last span back, so earlier offsets stay valid; overlapping or nested spans merge first.
    for (const { start, end } of mergeSpans(detect(out)).reverse()) out = out.slice(0, start) + MASK + out.slice(end);
    return out;
  };
}

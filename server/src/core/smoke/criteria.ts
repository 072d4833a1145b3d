// Time limits a smoke test must meet: written next to its response time
// ("[X]s (debe ser <2s)") or in the item's acceptance criteria
// ("/api/chat responde en <2s", "/api/chat responds in under 2s").

export interface TimeCriterion {
  readonly limitMs: number;
  /** As written, for messages: "<2s". */
  readonly text: string;
  /** The endpoint it is about, when the criterion names one; otherwise it applies to every test. */
  readonly path: string | undefined;
}

const LIMIT =
  /(?:<=?|≤|\b(?:under|within|below|less than|menos de|en menos de|bajo)\s+)\s*(\d+(?:[.,]\d+)?)\s*(ms|s|seg|segundos?|seconds?|secs?)\b/i;
const PATH = /(?:^|\s)(\/[\w\-./]+)/;
const NO_5XX = /\b(?:sin|no|without|zero|cero)\s+(?:errores\s+|errors\s+)?5xx\b/i;

/** A time limit in a line of text, or undefined. */
export function timeLimitIn(text: string): TimeCriterion | undefined {
  const match = LIMIT.exec(text);
  if (!match) return undefined;
  const amount = Number((match[1] ?? '0').replace(',', '.'));
  const unit = (match[2] ?? 'ms').toLowerCase();
  const limitMs = unit === 'ms' ? amount : amount * 1000;
  return { limitMs, text: match[0].trim().replace(/\s+/g, ' '), path: PATH.exec(text.slice(0, match.index))?.[1] };
}

/** Whether a line states "no 5xx responses"; 2xx is required anyway, this only names it. */
export const forbidsServerErrors = (text: string): boolean => NO_5XX.test(text);

/** The criteria of an item that apply to a test of this path. */
export function criteriaFor(path: string, criteria: readonly TimeCriterion[]): TimeCriterion[] {
  return criteria.filter((c) => c.path === undefined || samePath(c.path, path));
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

/** The first limit the elapsed time does not meet (strictly under the limit, as "<2s" says). */
export function missedCriterion(elapsedMs: number, criteria: readonly TimeCriterion[]): TimeCriterion | undefined {
  return criteria.find((c) => elapsedMs >= c.limitMs);
}

// scanSecrets: runs the rule table over a text and returns the secrets it holds.
//
// For each rule, the keyword prefilter (windows.ts) picks the lines worth looking at;
// the rule's patterns run there; each value must then pass the rule's checks and the
// allowlists (placeholders, masks, examples, user `allow` regexes). Where findings
// overlap, the most specific one is kept (vendor format over context over generic).
import { isCutByMask, isPlaceholderOrMask } from './allowlist';
import { characterClasses, looksRandom, shannonEntropy } from './entropy';
import { suggestName } from './names';
import { SECRET_RULES } from './rules';
import { looksLikeDigestName, looksLikeNonSecret } from './shapes';
import type { ScanOptions, SecretMatch, SecretRule, SecretTier } from './types';
import { declaredSecretNames, secretNameStrength } from './vocabulary';
import { KeywordIndex, KeywordSet } from './windows';

interface CompiledRule {
  readonly rule: SecretRule;
  /** Position in the table: the lower, the more specific. */
  readonly order: number;
  /** The rule's patterns with the `d` flag, for the offsets of the `secret` group. */
  readonly patterns: readonly RegExp[];
}

interface Candidate {
  readonly rule: SecretRule;
  readonly order: number;
  readonly start: number;
  readonly end: number;
  readonly suggestedName: string | undefined;
}

interface ScanContext {
  readonly vocabulary: readonly string[];
  readonly declared: ReadonlySet<string>;
  readonly allow: readonly RegExp[];
}

const TIER_RANK: Readonly<Record<SecretTier, number>> = { vendor: 0, context: 1, generic: 2 };

const COMPILED: readonly CompiledRule[] = SECRET_RULES.map((rule, order) => ({
  rule,
  order,
  patterns: rule.patterns.map((pattern) => new RegExp(pattern.source, [...new Set(`${pattern.flags}dg`)].join(''))),
}));

const ALL_KEYWORDS: readonly string[] = [...new Set(SECRET_RULES.flatMap((rule) => rule.keywords))];

/**
 * The rules' keywords with those of a vocabulary, compiled once per vocabulary: the redaction
 * point scans thousands of short strings of one document with the same vocabulary.
 */
const keywordSets = new Map<string, KeywordSet>();

function keywordSetFor(keywordsOfVocabulary: readonly string[]): KeywordSet {
  const key = keywordsOfVocabulary.join('\u0000');
  let set = keywordSets.get(key);
  if (set === undefined) {
    if (keywordSets.size >= 64) keywordSets.clear();
    set = new KeywordSet([...ALL_KEYWORDS, ...keywordsOfVocabulary]);
    keywordSets.set(key, set);
  }
  return set;
}

/**
 * Finds the secrets in a text. Offsets are UTF-16 and cover the value only; a match never
 * holds the value itself. Findings are sorted by offset and do not overlap.
 */
export function scanSecrets(text: string, options: ScanOptions = {}): SecretMatch[] {
  if (text.length === 0) return [];
  const vocabulary = [
    ...new Set(
      (options.vocabulary ?? declaredSecretNames(text))
        .map((name) => name.trim().toUpperCase())
        .filter((name) => name !== ''),
    ),
  ];
  const context: ScanContext = { vocabulary, declared: new Set(vocabulary), allow: options.allow ?? [] };
  const keywordsOfVocabulary = vocabulary.map((name) => name.toLowerCase());
  const index = new KeywordIndex(text, keywordSetFor(keywordsOfVocabulary));
  if (index.isEmpty) return [];
  const candidates: Candidate[] = [];
  for (const compiled of COMPILED) {
    const { rule } = compiled;
    const keywords = rule.needsSecretName === undefined ? rule.keywords : [...rule.keywords, ...keywordsOfVocabulary];
    for (const window of index.windows(keywords, rule.followLines ?? 0)) {
      const slice = text.slice(window.start, window.end);
      for (const pattern of compiled.patterns) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(slice); match !== null; match = pattern.exec(slice)) {
          if (match[0] === '') pattern.lastIndex++;
          const candidate = judge(compiled, match, slice, window.start, context);
          if (candidate !== undefined) candidates.push(candidate);
        }
      }
    }
  }
  return keepMostSpecific(candidates).map(toMatch);
}

function judge(
  compiled: CompiledRule,
  match: RegExpExecArray,
  slice: string,
  offset: number,
  context: ScanContext,
): Candidate | undefined {
  const { rule } = compiled;
  const span = match.indices?.groups?.['secret'];
  const value = match.groups?.['secret'];
  if (span === undefined || value === undefined || value === '') return undefined;
  const name = match.groups?.['name'];
  // A generic rule with nothing but a vague word (`key:`) for a name does not take a cache key or other content-addressed name.
  const strength = name === undefined ? 'none' : secretNameStrength(name, context.declared);
  if (rule.tier === 'generic' && strength !== 'secret' && strength !== 'declared' && looksLikeDigestName(value))
    return undefined;
  if (rule.needsSecretName !== undefined) {
    // A vague name (`auth`, `key`) in an assignment only counts with a value random
    // enough to be a credential on its own, such as docker's "auth": "<base64>".
    if (strength === 'none' || (strength === 'vague' && rule.needsSecretName === 'strict' && !looksRandom(value)))
      return undefined;
  }
  if (!isReportable(rule, value, match.groups?.['user'], context.allow)) return undefined;
  const [start, end] = span;
  if (isCutByMask(slice, start, end)) return undefined;
  const before = slice.slice(Math.max(slice.lastIndexOf('\n', start - 1) + 1, start - 200), start);
  const lineEnd = slice.indexOf('\n', end);
  const after = slice.slice(end, Math.min(lineEnd === -1 ? slice.length : lineEnd, end + 200));
  const writtenName = name ?? nameAssignedBefore(before, context.declared);
  const suggestedName = suggestName({ rule, writtenName, before, after, vocabulary: context.vocabulary });
  return { rule, order: compiled.order, start: offset + start, end: offset + end, suggestedName };
}

/** The rule's own checks, then the allowlists. */
function isReportable(rule: SecretRule, value: string, user: string | undefined, allow: readonly RegExp[]): boolean {
  if (shannonEntropy(value) < rule.minEntropy) return false;
  if (rule.minClasses !== undefined && characterClasses(value) < rule.minClasses) return false;
  if (rule.isValue !== undefined && !rule.isValue(value)) return false;
  if (isPlaceholderOrMask(value)) return false;
  if (rule.freeForm === true && (looksLikeNonSecret(value) || value === user)) return false;
  if (rule.allow?.some((pattern) => value.search(pattern) !== -1)) return false;
  return !allow.some((pattern) => value.search(pattern) !== -1);
}

// `OPENAI_API_KEY=sk-…`, `"LOG_TOKEN": "…`: the name a value is assigned to, when the
// rule that found it (a vendor format) has no name of its own.
const ASSIGNED_NAME = /(?<![\w.$-])["']?([A-Za-z_][\w.-]{0,63})["']?[ \t]*(?::=|=>|[:=])[ \t]*["']?$/;

function nameAssignedBefore(before: string, declared: ReadonlySet<string>): string | undefined {
  const name = ASSIGNED_NAME.exec(before.slice(-100))?.[1];
  return name !== undefined && secretNameStrength(name, declared) !== 'none' ? name : undefined;
}

/** Drops every candidate that overlaps a more specific one (tier, then table order). */
function keepMostSpecific(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => TIER_RANK[a.rule.tier] - TIER_RANK[b.rule.tier] || a.order - b.order || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    const at = insertionPoint(kept, candidate.start);
    const previous = kept[at - 1];
    const next = kept[at];
    if (
      (previous !== undefined && previous.end > candidate.start) ||
      (next !== undefined && next.start < candidate.end)
    )
      continue;
    kept.splice(at, 0, candidate);
  }
  return kept;
}

/** Index of the first kept candidate starting at or after `start` (kept is sorted by start). */
function insertionPoint(kept: readonly Candidate[], start: number): number {
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((kept[mid]?.start ?? 0) < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

function toMatch(candidate: Candidate): SecretMatch {
  const match = {
    ruleId: candidate.rule.id,
    description: candidate.rule.description,
    start: candidate.start,
    end: candidate.end,
  };
  return candidate.suggestedName === undefined ? match : { ...match, suggestedName: candidate.suggestedName };
}

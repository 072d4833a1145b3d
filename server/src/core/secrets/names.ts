// Which variable name to offer for a found value, so a quick fix can replace it with
// `<LOG_TOKEN>` rather than a made-up name: the name written next to the value, else a
// name the document declares that fits the rule and the line, else the rule's usual name.
import type { SecretRule } from './types';
import { nameWords, secretNameStrength } from './vocabulary';

/** Words that say what a value is but not which one, so they never decide between two names. */
const GENERIC_WORDS = new Set([
  'token',
  'key',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'credential',
  'credentials',
  'auth',
  'api',
  'apikey',
  'access',
  'id',
  'value',
  'the',
  'x',
  'contrasena',
  'clave',
  'secreto',
]);

/** A secret's noun in Spanish, as the usual (English) names say it. */
const ENGLISH_NOUN: Readonly<Record<string, string>> = { contrasena: 'password', clave: 'key', secreto: 'secret' };
/** Words between a secret's noun and what it is for: "contraseña de la base", "password for the admin". */
const COMPLEMENT_WORDS = new Set(['de', 'del', 'para', 'for', 'of', 'el', 'la', 'los', 'las', 'the']);

// A password is not offered a token's name, nor the other way round; credentials and
// secrets can be either.
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'contrasena']);
const TOKEN_WORDS = new Set(['token', 'key', 'apikey', 'auth', 'sig', 'clave']);

/** How much of the line around the value is searched for words that point at a declared name. */
const CONTEXT_CHARS = 160;

const NO_NAMES: ReadonlySet<string> = new Set();

export interface NamingInput {
  readonly rule: SecretRule;
  /** The `name` group of the match, as written (`prod/LOG_TOKEN`, `"api_key"`), or the name it is assigned to. */
  readonly writtenName: string | undefined;
  /** The text before the value on its line. */
  readonly before: string;
  /** The text after the value on its line. */
  readonly after: string;
  /** Declared names, upper-case, in document order. */
  readonly vocabulary: readonly string[];
}

export function suggestName({ rule, writtenName, before, after, vocabulary }: NamingInput): string | undefined {
  const written = writtenName === undefined ? '' : normalizeName(writtenName);
  // A specific written name (REDIS_PASSWORD, prod/LOG_TOKEN) is the answer; a generic
  // one (token, api_key, password) only says what kind of value it is.
  if (written !== '' && nameWords(written).some((word) => !GENERIC_WORDS.has(word))) return written;
  const conventional = rule.conventionalName;
  if (conventional !== undefined && vocabulary.includes(conventional)) return conventional;
  const family = familyOf(written !== '' ? written : (conventional ?? ''));
  // A vendor's key only takes a declared name that shares a specific word with its usual
  // one (OPENAI_API_KEY_PROD for an OpenAI key); a password or opaque token takes the
  // declared name its line points at (LOG_TOKEN for ?token= on /api/logs).
  const hint =
    rule.tier === 'vendor' && conventional !== undefined
      ? conventional
      : `${conventional ?? ''} ${written} ${before.slice(-CONTEXT_CHARS)} ${after.slice(0, CONTEXT_CHARS)}`;
  return bestDeclared(hint, vocabulary, family) ?? conventional ?? (written === '' ? undefined : written);
}

/** `prod/log-token` → `LOG_TOKEN`; `"api_key"` → `API_KEY`; `apiKey` → `API_KEY`; a Secrets Manager ARN → its name. */
export function normalizeName(written: string): string {
  const unquoted = written.replace(/^["'`]+|["'`]+$/g, '');
  // arn:aws:secretsmanager:region:account:secret:prod/LOG_TOKEN-AbC123 (AWS appends six characters)
  const arn = /^arn:aws[\w-]*:secretsmanager:[^:]*:[^:]*:secret:(.+)-[A-Za-z0-9]{6}$/.exec(unquoted);
  const lastSegment = (arn?.[1] ?? unquoted).split('/').pop() ?? '';
  const words = nameWords(lastSegment).map((word) => ENGLISH_NOUN[word] ?? word);
  // "Contraseña de admin", "Password for Grafana": what it is for, then the noun (ADMIN_PASSWORD).
  const complement = words.findIndex((word) => COMPLEMENT_WORDS.has(word));
  if (complement > 0) {
    const purpose = words.slice(complement).filter((word) => !COMPLEMENT_WORDS.has(word));
    if (purpose.length > 0) return [...purpose, ...words.slice(0, complement)].join('_').toUpperCase();
  }
  return words.join('_').toUpperCase();
}

type Family = 'password' | 'token' | 'any';

function familyOf(name: string): Family {
  const last = nameWords(name).pop() ?? '';
  return PASSWORD_WORDS.has(last) ? 'password' : TOKEN_WORDS.has(last) ? 'token' : 'any';
}

function bestDeclared(hint: string, vocabulary: readonly string[], family: Family): string | undefined {
  const hintWords = nameWords(hint);
  let best: string | undefined;
  let bestScore = 0;
  for (const name of vocabulary) {
    // Only names of secrets (not WHATSAPP_NUMBER, which the document lists among them),
    // and of the same family as the value.
    if (secretNameStrength(name, NO_NAMES) !== 'secret') continue;
    const own = familyOf(name);
    if (family !== 'any' && own !== 'any' && own !== family) continue;
    const words = nameWords(name);
    const specific = words.filter(
      (word) => !GENERIC_WORDS.has(word) && hintWords.some((seen) => sameWord(word, seen)),
    ).length;
    if (specific === 0) continue;
    const generic = words.filter((word) => GENERIC_WORDS.has(word) && hintWords.includes(word)).length;
    const score = specific * 2 + generic;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

// LOG matches "logs", OPENAI matches "openai": a declared word may be a prefix of a seen one.
function sameWord(declared: string, seen: string): boolean {
  return seen === declared || (declared.length >= 3 && seen.startsWith(declared) && seen.length - declared.length <= 2);
}

// The document's own words for its secrets. A checklist names the secrets it deals
// with ("Secrets confirmados: - [ ] LOG_TOKEN …", `token=<LOG_TOKEN>`, OPENAI_API_KEY),
// and a value assigned to such a name is a secret whatever its format.

/** Last words that make a name a secret's name: LOG_TOKEN, apiKey, client_secret, DB_CREDENTIALS. */
const SECRET_WORDS = new Set([
  'key',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'credential',
  'credentials',
  'auth',
  'apikey',
  'secretkey',
  'accesskey',
  'sig',
  'contrasena',
  'secreto',
  'clave',
]);

/** Last words too vague on their own in an assignment (`key: name`, `auth: true`), fine as a query parameter (`?key=`). */
const VAGUE_ALONE = new Set(['key', 'auth', 'pass', 'sig', 'clave']);
/** Spanish puts the secret's noun first: "clave de API", "contraseña del admin", "token para Grafana". */
const COMPLEMENT = new Set(['de', 'del', 'para', 'for', 'of']);

/** Words before the last one that make it something public or structural: PUBLIC_KEY, sort_key, pageToken, max_tokens. */
const NON_SECRET_QUALIFIERS = new Set([
  'public',
  'pub',
  'publishable',
  'site',
  'primary',
  'foreign',
  'sort',
  'partition',
  'range',
  'idempotency',
  'cache',
  'page',
  'next',
  'prev',
  'continuation',
  'cursor',
  'pagination',
  's3',
  'object',
  'row',
  'hash',
  'lookup',
  'dedup',
  'dedupe',
  'map',
  'shard',
  'gpg',
  'pgp',
  'max',
  'min',
  'num',
  'total',
  'prompt',
  'completion',
  'csrf',
  'xsrf',
  'sync',
  'resume',
  'host',
  'no',
  'usage',
]);

const NO_NAMES: ReadonlySet<string> = new Set();

export type SecretNameStrength = 'declared' | 'secret' | 'vague' | 'none';

/** Splits a name into lower-case words: OPENAI_API_KEY, openaiApiKey, x-api-key → openai/api/key. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/**
 * How surely a name denotes a secret: declared by the document (`declared`), ending in a
 * secret word (`secret`), a bare vague word such as `key` (`vague`), or not at all.
 */
/** Environment variables that hold a password without a separate secret word: PGPASSWORD, REDISCLI_AUTH. */
const KNOWN_SECRET_VARIABLES = new Set([
  'PGPASSWORD',
  'PGPASS',
  'REDISCLI_AUTH',
  'MYSQL_PWD',
  'SSHPASS',
  'VAULT_TOKEN',
]);

export function secretNameStrength(name: string, vocabulary: ReadonlySet<string>): SecretNameStrength {
  if (vocabulary.has(name.toUpperCase())) return 'declared';
  if (KNOWN_SECRET_VARIABLES.has(name)) return 'secret';
  const all = nameWords(name);
  // "Password for Grafana", "clave de API": the noun before the complement names the secret, which the complement makes specific.
  const complement = all.findIndex((word) => COMPLEMENT.has(word));
  if (complement > 0 && all.length > complement + 1) {
    const head = all[complement - 1] ?? '';
    if (!SECRET_WORDS.has(head) || all.slice(complement + 1).some((word) => NON_SECRET_QUALIFIERS.has(word)))
      return 'none';
    return 'secret';
  }
  const words = all;
  const last = words[words.length - 1];
  if (last === undefined || !SECRET_WORDS.has(last)) return 'none';
  if (words.slice(0, -1).some((word) => NON_SECRET_QUALIFIERS.has(word))) return 'none';
  return words.length === 1 && VAGUE_ALONE.has(last) ? 'vague' : 'secret';
}

// Label lines that introduce a list of secrets: "Secrets confirmados:", "### Secrets", "Required secrets:".
const SECRETS_LABEL =
  /^[ \t>]*(?:#{1,6}[ \t]+[^\n]*\bsecre(?:ts?|tos?)\b[^\n]*|[^\n#]{0,60}\bsecre(?:ts?|tos?)\b[^\n]{0,60}:)[ \t]*\r?$/gim;
const LIST_ITEM = /^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?`?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/;
const BLANK_OR_LIST = /^[ \t>]*(?:[-*+]|\d+[.)])[ \t]/;
// A command or template variable holding a secret: <LOG_TOKEN>, ${OPENAI_API_KEY}, $DB_PASSWORD, %API_KEY%.
const VARIABLE = /(?:<|\$\{|\$|%)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?:>|\}|%|\b)/g;
// An env-style name ending in a secret word: OPENAI_API_KEY, LOG_TOKEN, DB_CREDENTIALS.
const SUFFIXED_NAME =
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|PASS|PASSPHRASE|CREDENTIALS?|AUTH|APIKEY)\b/g;

/**
 * The names a document declares as secrets, upper-case, in document order: the entries of
 * a "Secrets …:" list, command variables such as `<LOG_TOKEN>` whose name has a secret word,
 * and env-style names ending in _KEY, _TOKEN, _SECRET, _PASSWORD, _CREDENTIALS and the like.
 */
export function declaredSecretNames(text: string): string[] {
  return mergeSecretNames([secretNameParts(text)]);
}

/**
 * The names a piece of a document declares, by kind: list entries under a label,
 * variables, suffixed names. A label's list ends at the next heading, so a document
 * cut at its headings declares what its pieces do (see `mergeSecretNames`).
 */
export function secretNameParts(text: string): readonly [string[], string[], string[]] {
  const listed = listedSecretNames(text);
  const variables: string[] = [];
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? '';
    if (secretNameStrength(name, NO_NAMES) === 'secret') variables.push(name);
  }
  const suffixed: string[] = [];
  for (const match of text.matchAll(SUFFIXED_NAME)) {
    if (secretNameStrength(match[0], NO_NAMES) === 'secret') suffixed.push(match[0]);
  }
  return [listed, variables, suffixed];
}

/** The declared names of consecutive pieces of a document, in the order `declaredSecretNames` gives for the whole. */
export function mergeSecretNames(parts: readonly (readonly [string[], string[], string[]])[]): string[] {
  const names = new Set<string>();
  for (let kind = 0; kind < 3; kind++) for (const part of parts) for (const name of part[kind] ?? []) names.add(name);
  return [...names];
}

/**
 * The names a document lists as its secrets, upper-case, in document order: the entries of a
 * "Secrets …:" list or of a list under a heading that names secrets (`- [ ] LOG_TOKEN (existe…)`).
 * Unlike declaredSecretNames, a variable merely used in a command (`<AWS_SECRET_ACCESS_KEY>`)
 * is not listed: this is what the CLI may read from the environment.
 */
export function listedSecretNames(text: string): string[] {
  const names = new Set<string>();
  for (const label of text.matchAll(SECRETS_LABEL)) {
    for (const line of linesAfter(text, label.index + label[0].length)) {
      if (!BLANK_OR_LIST.test(line)) break;
      const name = LIST_ITEM.exec(line)?.[1];
      if (name !== undefined) names.add(name);
    }
  }
  return [...names];
}

/** The lines after an offset (the rest of its line skipped), at most 50. */
function* linesAfter(text: string, offset: number): Generator<string> {
  let start = text.indexOf('\n', offset);
  for (let count = 0; start !== -1 && count < 50; count++) {
    const end = text.indexOf('\n', start + 1);
    yield text.slice(start + 1, end === -1 ? text.length : end);
    start = end;
  }
}

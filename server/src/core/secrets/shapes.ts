// What a free-form value (a password after `-a`, the value of `LOG_TOKEN=`, a line of
// secret-manager output) looks like when it is not a secret: a word, a number, a path,
// a URL, a date, a resource name, a sentence. Vendor formats never need these checks.

const ENV_NAME = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]+)$/;
const NUMBER = /^[+-]?\d[\d\s.,]*%?$/;
const KEYWORD_VALUE =
  /^(?:true|false|null|nil|none|undefined|n\/a|na|yes|no|on|off|empty|unset|set|required|optional|ok|valid|invalid|default|enabled|disabled|s[ií]|pendiente|configurad[ao]|existe)$/i;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.-]+)?$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$|^\d{1,2}:\d{2}(?::\d{2})?$/;
const DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h|d|w|y)$/;
const LETTERS_AND_SEPARATORS = /^\p{L}[\p{L}\-_.' ]*$/u;
const WORD_PIECE = /^(?:\p{Lu}+|\p{Lu}?\p{Ll}+)$/u;
// A path: a root, then short segments without + or = (a base64 value may start with a slash).
const PATH_ROOT = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/;
const PATH_SEGMENT = /^[\w.@%~ -]{0,40}$/;
const RELATIVE_PATH = /^[a-z0-9._-]+(?:\/[a-z0-9._-]+)+\/?$/;
const FILE_NAME = /^[\w.-]+\.(?:json|pem|key|crt|cer|txt|env|ya?ml|p12|pfx|jks|keystore|conf|ini|toml)$/i;
const URL_OR_REFERENCE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:arn|projects|vault|sm|ssm|op|keyvault|gcpsm|awssm|secretsmanager|secretref|ref|file|env|mailto):)/i;
const HOST_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const PUBLIC_KEY =
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-|sk-ssh-|-----BEGIN (?:PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY|PGP PUBLIC))/;
const YAML_TAG = /^!\w+$/;
// Key fingerprints as ssh-keygen and openssl print them: SHA256:base64, or hex pairs with colons.
const FINGERPRINT = /^(?:SHA256|SHA1|MD5):[A-Za-z0-9+/=]{16,88}$|^(?:[0-9A-Fa-f]{2}:){15,63}[0-9A-Fa-f]{2}$/;

/**
 * Does a free-form value (a password after `-a`, the value of `LOG_TOKEN=`) look like
 * something that is not a secret: an env var name, a number, a keyword, a version, a
 * date, a duration, plain words, a path, a file name, a URL or secret-manager reference,
 * a host name, an e-mail address, a public key or its fingerprint, a YAML tag, a resource name
 * or a sentence?
 */
export function looksLikeNonSecret(value: string): boolean {
  return (
    ENV_NAME.test(value) ||
    NUMBER.test(value) ||
    KEYWORD_VALUE.test(value) ||
    VERSION.test(value) ||
    DATE_TIME.test(value) ||
    DURATION.test(value) ||
    looksLikeWords(value) ||
    looksLikeAbsolutePath(value) ||
    RELATIVE_PATH.test(value) ||
    FILE_NAME.test(value) ||
    URL_OR_REFERENCE.test(value) ||
    HOST_NAME.test(value) ||
    EMAIL.test(value) ||
    PUBLIC_KEY.test(value) ||
    YAML_TAG.test(value) ||
    FINGERPRINT.test(value) ||
    looksLikeIdentifier(value) ||
    looksLikeProse(value)
  );
}

// A sentence (an error message printed where a secret-manager CLI would print the value):
// at least four words, half of them made of letters.
const PROSE_WORD = /^\p{L}[\p{L}'’-]*[.,;:!?)]*$/u;

function looksLikeProse(value: string): boolean {
  const tokens = value.split(/\s+/);
  return tokens.length >= 4 && tokens.filter((token) => PROSE_WORD.test(token)).length * 2 >= tokens.length;
}

// Words (configurada, HashiCorp, log-token, Pendiente de entrega) split into pieces
// of three or more letters on average; a random mixed-case string (xKqPzLmNvBt)
// breaks into one- or two-letter pieces. Split in code: a regular expression for
// this backtracks exponentially.
function looksLikeWords(value: string): boolean {
  if (value.length > 40 || !LETTERS_AND_SEPARATORS.test(value)) return false;
  const pieces = value
    .split(/[-_.' ]+/)
    .flatMap((part) => part.split(/(?=\p{Lu}\p{Ll})/u))
    .filter((piece) => piece !== '');
  return pieces.every((piece) => WORD_PIECE.test(piece)) && value.length / pieces.length >= 3;
}

// Split in code rather than with one nested-quantifier regular expression, which
// would backtrack exponentially on a long value that is not a path.
function looksLikeAbsolutePath(value: string): boolean {
  return PATH_ROOT.test(value) && value.split(/[\\/]/).every((segment) => PATH_SEGMENT.test(segment));
}

// A resource name such as readiness-secrets-production-v2 or app_tls.v1: lower-case
// segments of up to 12 characters, one of them with a letter beyond f (so that UUIDs and
// other hex values, which may well be tokens, do not count).
const IDENTIFIER = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+$/;

function looksLikeIdentifier(value: string): boolean {
  if (!IDENTIFIER.test(value)) return false;
  const segments = value.split(/[-_.]/);
  return segments.every((segment) => segment.length <= 12) && segments.some((segment) => /[g-z]/.test(segment));
}

const HEX_DIGEST = /^[0-9a-f]{32,128}$/i;
const NAME_PART = /^(?:[A-Za-z][a-z0-9]{0,15}|v?\d{1,6})$/;

/**
 * A content-addressed name: readable parts around one hex digest (`Linux-npm-<sha256>`,
 * `assets:v3:<sha256>`, `sha256:<digest>`), as cache keys, ETags and image references are
 * written. Not a credential when nothing but a vague word (`key`) says it is one.
 */
export function looksLikeDigestName(value: string): boolean {
  const parts = value.split(/[-_:./@]+/).filter((part) => part !== '');
  const digests = parts.filter((part) => HEX_DIGEST.test(part));
  const rest = parts.filter((part) => !HEX_DIGEST.test(part));
  return digests.length === 1 && rest.length > 0 && rest.every((part) => NAME_PART.test(part));
}

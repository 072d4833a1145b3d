// The generic rules: a value assigned to a secret's name. The name is either one the
// document declares (its "Secrets confirmados" list, `<LOG_TOKEN>`) or one that ends in
// a secret word (DB_PASSWORD, apiKey, client_secret); the forms are NAME=value,
// NAME: value, "NAME": "value", export NAME=…, --from-literal=NAME=… and, for env-style
// names, a word or two before the colon (`LOG_TOKEN usado: …`); also the structured
// forms of the same thing (a table row, an XML element, {"key": …, "value": …}, a
// Kubernetes `- name: … / value: …` pair, a .netrc `password` line). Then, with a much
// higher bar on the value, a secret written in prose after "token", "key", "password".
import type { SecretRule } from '../types';

// Markdown around a name or its operator: `**API key:**`, `__Token__:`.
const EMPHASIS = String.raw`(?:\*\*|__)?`;
// Words that make a following "key" a secret's name, not a lookup key: "API key", "Access key".
const KEY_QUALIFIER = String.raw`(?:[Aa][Pp][Ii]|[Aa]ccess|[Ss]ecret|[Pp]rivate|[Cc]lient|[Ss]ervice|[Ii]ntegration|[Rr]outing|[Ss]igning|[Ee]ncryption|[Mm]aster|[Ll]icen[cs]e|[Dd]eploy|[Ww]ebhook)[ \t]`;
// The name, optionally quoted, right before the operator.
// Not inside a word, a ${VAR:-default} expansion or an @annotation.
const NAME = String.raw`(?<![\w.$@{-])["']?(?<name>(?:${KEY_QUALIFIER})?[A-Za-z_][\w.-]{0,63})["']?${EMPHASIS}[ \t]{0,32}(?::=|=>|[:=])${EMPHASIS}[ \t]{0,32}`;
// A secret's noun in English or Spanish, with what it is for: "Contraseña de admin:", "Password for Grafana =".
// A Spanish noun may stand alone ("Contraseña: …"), which NAME's ASCII names cannot take; an English one alone is NAME's.
const FOR_WHAT = String.raw`[ \t]{1,8}(?:de|del|para|for|of)(?:[ \t]{1,8}(?:el|la|los|las|the))?(?:[ \t]{1,8}[\p{L}\p{N}_.-]{1,24}){1,3}`;
const NOUN_NAME = String.raw`(?<![\p{L}\p{N}_.$@{-])(?<name>(?:contraseña|clave|secreto)(?:${FOR_WHAT}){0,2}|(?:password|passwd|token|secret)(?:${FOR_WHAT}){1,2})${EMPHASIS}[ \t]{0,32}[:=]${EMPHASIS}[ \t]{0,32}`;
// An env-style name, a word or two of prose, then the operator.
const NAME_AND_WORDS = String.raw`(?<![\w.$@{-])(?<name>[A-Z][A-Z0-9]{0,63}(?:_[A-Z0-9]{1,63}){1,15})(?:[ \t]{1,32}\p{L}{1,16}){1,2}[ \t]{0,32}[:=][ \t]{0,32}`;
// Quoted ("…", '…'), or alone in a markdown code span without spaces (`…`; not a command such as `cat /run/secrets/x`).
const QUOTED = String.raw`(?:["']|\x60(?=[^\s"'\x60]{6,512}\x60))(?<secret>[^"'\x60\n]{6,512})["'\x60]`;
// Unquoted values stop at whitespace, quotes and the punctuation that ends a value in code.
const BARE = String.raw`(?<secret>[^\s"'\x60,;<>(){}\[\]][^\s"'\x60,;<>(){}\[\]]{5,511})`;

// | LOG_TOKEN | value |
// | **API key** | `value` |
const TABLE_ROW = String.raw`\|[ \t]{0,32}${EMPHASIS}\x60?(?<name>[\p{L}_][\p{L}\p{N}_.-]{0,63}(?:[ \t][\p{L}_][\p{L}\p{N}_.-]{0,31}){0,3})\x60?${EMPHASIS}[ \t]{0,32}\|[ \t]{0,32}\x60?(?<secret>[^\s|\x60"'<>(){}\[\]][^\s|\x60]{5,511}?)\x60?[ \t]{0,32}\|`;
// <password>value</password>
const XML_ELEMENT = String.raw`<(?<name>[A-Za-z_][\w.-]{0,63})>(?<secret>[^<\s]{6,512})<\/\k<name>>`;
// {"key": "LOG_TOKEN", "value": "…"} (Postman, Terraform, many APIs)
const KEY_VALUE_OBJECT = String.raw`"(?:key|name)"[ \t]{0,32}:[ \t]{0,32}"(?<name>[A-Za-z_][\w.-]{0,63})"[ \t]{0,32},[ \t]{0,32}"value"[ \t]{0,32}:[ \t]{0,32}"(?<secret>[^"\n]{6,512})"`;
// - name: LOG_TOKEN
//   value: "…"
const NAME_VALUE_LINES = String.raw`^[ \t]{0,32}(?:-[ \t]{1,32})?name:[ \t]{0,32}["']?(?<name>[A-Za-z_][\w.-]{0,63})["']?[ \t]{0,32}\r?\n[ \t]{0,32}value:[ \t]{0,32}["']?(?<secret>[^\s"'\x60<>(){}\[\]][^\s"'\x60]{5,511})`;
// .netrc: `machine host login user password value`, or `password value` on its own line.
const NETRC = String.raw`^[ \t]{0,32}(?:(?:machine|default)[ \t]{1,32}\S{1,256}[ \t]{1,32})?(?:login[ \t]{1,32}\S{1,256}[ \t]{1,32})?(?<name>password|passwd)[ \t]{1,32}(?<secret>[^\s"'\x60]{6,512})[ \t]{0,32}\r?$`;
// "Se usó el token 3f9a…", "the key is AbC…", "password for redis: …"
// (not a public key's: "Release GPG key: 9554F04D…", "SSH host key …")
const PROSE = String.raw`(?<![\w-])(?<!(?:gpg|pgp|public|publishable|ssh|host|site)[ _-])(?:token|key|password|passwd|secret|clave|contraseña|api key)(?:[ \t]{1,32}(?:es|is|era|was|usad[oa]|used|(?:de|del|for|para)[ \t]{1,32}[\p{L}\/]{1,20}))?:?[ \t]{1,32}(?<secret>[^\s"'\x60,;<>(){}\[\]]{19,510}[^\s"'\x60,;<>(){}\[\].])`;

// Prose that assigns a value to a secret's name: "set the PARTNER_API_KEY to …", "export
// LOG_TOKEN as …", "configura DB_PASSWORD con …", "pon en SENTRY_AUTH_TOKEN el valor …",
// "REDIS_PASSWORD → …", "use … as the MAILER_API_KEY". Only connecting words may stand
// between the name and the value, so "set X to the value from 1Password" offers "from",
// a word, and nothing is found; the value itself must not look like a word.
const CONNECTOR = String.raw`(?:to|as|a|al|con|with|como|is|es|now|ahora|was|era|the|el|la|value|valor|set|queda|quedó|será|will|be|=|:|→|->|=>)`;
const PROSE_VALUE = String.raw`(?<secret>[^\s"'\x60,;<>(){}\[\]]{7,510}[^\s"'\x60,;:<>(){}\[\].!?])`;
const ENV_NAME = String.raw`(?<![\w.$@{-])(?<name>[A-Z][A-Z0-9]{0,63}(?:_[A-Z0-9]{1,63}){1,15})(?![\w-])`;
const NAME_IN_PROSE = String.raw`${ENV_NAME}(?:[ \t]{1,8}${CONNECTOR}){1,3}[ \t]{1,8}${PROSE_VALUE}`;
const VALUE_AS_NAME = String.raw`(?<![\w-])(?:use|usa|usar|utiliza|utilizar)[ \t]{1,8}${PROSE_VALUE}[ \t]{1,8}(?:as|como)[ \t]{1,8}(?:(?:the|el|la)[ \t]{1,8})?${ENV_NAME}`;

// "La contraseña de Grafana en staging es …", "the admin password for the staging dashboard
// is now …", "el secreto del cliente OAuth quedó como …": a secret's noun, up to seven words, a verb.
const NOUN_PHRASE = String.raw`(?<![\w-])(?:token|password|passwd|contraseña|clave|secreto|secret|api key)(?:[ \t]{1,8}[\p{L}\p{N}_.-]{1,24}){0,7}?[ \t]{1,8}(?:(?:is|es|was|era)(?:[ \t]{1,8}(?:now|ahora))?|qued[óo][ \t]{1,8}como|queda[ \t]{1,8}como)[ \t]{1,8}${PROSE_VALUE}`;

export const assignmentRules: readonly SecretRule[] = [
  {
    id: 'secret-assignment',
    description: "Value assigned to a secret's name",
    tier: 'generic',
    keywords: ['key', 'token', 'secret', 'pass', 'pwd', 'credential', 'auth', 'contraseña', 'clave', 'secreto'],
    patterns: [
      ...[QUOTED, BARE].flatMap((value) => [
        new RegExp(NAME + value, 'g'),
        new RegExp(NAME_AND_WORDS + value, 'gu'),
        new RegExp(NOUN_NAME + value, 'giu'),
      ]),
      new RegExp(TABLE_ROW, 'gu'),
      new RegExp(XML_ELEMENT, 'g'),
      new RegExp(KEY_VALUE_OBJECT, 'g'),
      new RegExp(NAME_VALUE_LINES, 'gm'),
      new RegExp(NETRC, 'gm'),
      new RegExp(NAME_IN_PROSE, 'giu'),
      new RegExp(VALUE_AS_NAME, 'giu'),
    ],
    minEntropy: 2.5,
    minClasses: 2,
    freeForm: true,
    needsSecretName: 'strict',
    // NAME_VALUE_LINES reads the line after the name.
    followLines: 1,
  },
  {
    id: 'secret-in-prose',
    description: 'Secret written after the word token, key or password',
    tier: 'generic',
    keywords: ['token', 'key', 'password', 'passwd', 'secret', 'clave', 'contraseña', 'secreto'],
    patterns: [new RegExp(PROSE, 'giu'), new RegExp(NOUN_PHRASE, 'giu')],
    // Prose has no operator to vouch for the value, so only long, random-looking ones count.
    minEntropy: 3.5,
    minClasses: 2,
    freeForm: true,
  },
];

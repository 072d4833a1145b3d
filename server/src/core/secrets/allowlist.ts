// Values that fit a secret's format or context but are not secrets, whatever the rule:
// blanks the owner still has to fill, masked values and published examples. (Free-form
// values that are plainly something else, such as a path or a date, are in shapes.ts.)

// Whole-value placeholders: [NO PEGAR EL TOKEN], <LOG_TOKEN>, ${TOKEN}, {{ token }},
// $TOKEN, %TOKEN%, $(command), `command`, ${{ secrets.X }}; and the slots of format
// strings and templates: {password}, {0}, %s, %(password)s, #{db_password}, __PASSWORD__, @DB_PASSWORD@.
const WHOLE_PLACEHOLDER =
  /^(?:\[[^\]]*\]|<[^>]*>|\$\{[^}]*\}\}?|\{\{[^}]*\}\}|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|\$\([^)]*\)?|`[^`]*`?|\{[A-Za-z_][\w.-]{0,63}\}|\{\d{1,2}(?::[^}]{0,16})?\}|%[sdr]|%\([\w.-]{1,64}\)[sdr]|#\{[^}]{1,64}\}|__[A-Za-z][\w]{0,62}__|@[A-Z][A-Z0-9_]{0,62}@)$/s;

// A placeholder embedded in a value: sk-<your key>, postgres password ${DB_PASS}, %(pw)s.
const EMBEDDED_PLACEHOLDER = /\$\{|\{\{|\}\}|\$\(|#\{|%\([\w.-]{1,64}\)[sdr]|<[^<>\n]{1,64}>|\[[^[\]]{1,64}\]/;

// Masks: ***, ****5678, ••••, …, sk-..., xxxx, a character repeated six times
// (ghp_000000…, T00000000), or a run such as abcdef / 123456 that no random value has.
const MASK = /\*{3}|[•●·∙⋯…]|\.{3}|x{4}|(.)\1{5}/i;

// Words that mark a value as an example or a stand-in, in English and Spanish.
// EXAMPLE covers AWS's documented AKIAIOSFODNN7EXAMPLE and its secret key.
const STAND_IN_WORD =
  /example|redacted|redactad|placeholder|changeme|change[-_]me|replace[-_]?me|your[-_ ]?(?:own[-_ ]?)?(?:api[-_ ]?|access[-_ ]?|secret[-_ ]?|bot[-_ ]?)?(?:key|token|secret|password|pass|pat)|dummy|sample|insert[-_ ]|(?:^|[^a-z])fake(?:[^a-z]|$)|not[-_ ]?(?:a[-_ ]?)?(?:real|secret)|(?:token|key|secret|password)[-_ ]?here|no[-_ ]pegar|oculto|enmascarad|(?:^|[^a-z])(?:user(?:name)?|usuario|admin):(?:pass(?:word)?|contraseña|pwd|secret)(?:$|[^a-z])/i;

// Values published in documentation, secret only in shape: jwt.io's sample token (signed
// with "your-256-bit-secret") and RFC 7617's Aladdin:open sesame. AWS's examples end in
// EXAMPLE and are caught by STAND_IN_WORD.
const PUBLISHED_EXAMPLE = /SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c$|^QWxhZGRpbjpvcGVuIHNlc2FtZQ==$/;

const SEQUENCE_LENGTH = 6;

/** Is the value a blank still to be filled, a mask or a published example? Applies to every rule. */
export function isPlaceholderOrMask(value: string): boolean {
  if (WHOLE_PLACEHOLDER.test(value) || EMBEDDED_PLACEHOLDER.test(value)) return true;
  if (MASK.test(value) || STAND_IN_WORD.test(value) || PUBLISHED_EXAMPLE.test(value)) return true;
  return hasSequentialRun(value);
}

/** abcdef, 123456, ABCDEF, 987654: typed by hand, never drawn at random. */
function hasSequentialRun(value: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    const alnum = isAlphanumeric(value.charCodeAt(i)) && isAlphanumeric(value.charCodeAt(i - 1));
    up = alnum && step === 1 ? up + 1 : 1;
    down = alnum && step === -1 ? down + 1 : 1;
    if (up >= SEQUENCE_LENGTH || down >= SEQUENCE_LENGTH) return true;
  }
  return false;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// A value cut short by a mask: `sk-ant-api03-…`, `ghp_abc***`, `sk-proj-...`. The mask
// characters are outside every token alphabet, so the pattern stops right before them.
const MASK_AFTER = /^(?:…|\.{3}|\*{2}|[•●·∙⋯])/;
const MASK_BEFORE = /(?:…|\.{3}|\*{2}|[•●·∙⋯])$/;

/** Is the value found at [start, end) of the text only the visible part of a masked value? */
export function isCutByMask(text: string, start: number, end: number): boolean {
  return MASK_AFTER.test(text.slice(end, end + 3)) || MASK_BEFORE.test(text.slice(Math.max(0, start - 3), start));
}

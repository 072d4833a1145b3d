// Recognises the blanks a checklist asks its owners to fill in, in every common
// shape: bracketed instructions ("[PEGAR ENLACE AL PR]", "[X]", "[✅ PASSED /
// ❌ FAILED]"), underscore runs ("____", "\_\_\_"), angle placeholders
// ("<YYYY-MM-DD>", "<fill in>"), "TBD"-style field values and unticked choices
// ("☐ Sí ☐ No"); and tells what kind of value each expects.
//
// A blank is unfilled while its text is still the template's. Template text is
// told from a typed value by its wording, not by a list of known blanks:
// instruction verbs and field nouns ("pegar", "paste", "nombre", "owner"),
// format masks (YYYY, HH:MM, X, N, X.Y.Z), choice lists, all-caps labels, a
// symbolic host, and the company of other blanks on the line. Evidence is not:
// log prefixes ("[INFO]", "[2025-12-01 10:00:00]", "[main]"), JSON, footnote
// references, links, task boxes, shell tests, regular expressions, secrets and
// values with digits, addresses or proper names typed inside the brackets (those
// are reported apart, as a hint to remove the brackets).
//
// The secret detector sits above this module (it is not part of the model layer), so it
// plugs itself in through `useSecretDetector` when it loads: the analyzer, the service and
// everything that scans for secrets load it; without it no text is taken for a secret.

/** What the placeholder scan asks of the secret detector. */
export interface BlankSecretDetector {
  /** Spans of the line the detector flags as pasted secrets. */
  spans(line: string): readonly (readonly [number, number])[];
  /** Is this text (no spaces, ASCII) random enough to be a credential? */
  looksRandom(text: string): boolean;
}

let secretDetector: BlankSecretDetector = { spans: () => [], looksRandom: () => false };

/** Plugs the secret detector into the scan (the secrets module does, as it loads). */
export function useSecretDetector(detector: BlankSecretDetector): void {
  secretDetector = detector;
  scanned.clear();
}

export type PlaceholderKind = 'text' | 'number' | 'date' | 'choice' | 'slot';

/** What the blank asks for, used to word messages and pick quick fixes. */
export type PlaceholderPurpose = 'output' | 'link' | 'screenshot' | 'log' | 'name' | 'secret-note' | 'value';

/**
 * How the blank is written: `[...]`, `____`, `<...>`, a `TBD` value, `☐` choices; an empty table cell
 * or field-table value in an owner, status, date, evidence or sign-off column (`empty`); a field whose
 * value is only the template's `<!-- prompt -->` (`comment`).
 */
export type BlankShape = 'brackets' | 'underscores' | 'angle' | 'word' | 'choice-boxes' | 'empty' | 'comment';

export interface PlaceholderMatch {
  /** The inner text of brackets and angles; the source text of the other shapes. */
  readonly text: string;
  /** Offset of the blank's first character within the scanned string. */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
  readonly shape: BlankShape;
  /** `[OPCIONAL]`, "(si aplica)", "(if applicable)", "(optional)": it never blocks done. */
  readonly optional: boolean;
}

/** A value the owner typed inside the template's brackets ("[María González]", "[2025-12-09]"). */
export interface BracketedValue {
  /** The value, without the brackets. */
  readonly text: string;
  /** Offset of the opening bracket. */
  readonly start: number;
  /** Offset just past the closing bracket. */
  readonly end: number;
}

export interface PlaceholderInfo {
  readonly kind: PlaceholderKind;
  readonly purpose: PlaceholderPurpose;
  /** The options of a choice placeholder, in document order. */
  readonly options: readonly string[];
}

export interface BlankScanOptions {
  /** The line is shell code (a `bash`/`sh` fence): `<name>` is a command variable there, never a blank. */
  readonly shell?: boolean;
}

export interface LineBlanks {
  readonly blanks: readonly PlaceholderMatch[];
  readonly values: readonly BracketedValue[];
}

// `[inner]` not followed by `(` or `[` (inline links and full references).
const BRACKETS = /\[([^[\]\n]{0,200})\](?![([])/g;
const ANGLES = /<([^<>\n]{1,80})>/g;
// A run of underscores; runs joined by date or time separators are one blank ("___/___/____", "__:__").
const UNDERSCORES = /(?:\\?_){2,}(?:[/.:-](?:\\?_){2,})+|(?:\\_){3,}|_{3,}/g;
const TASK_BOX = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/;
const CHOICE_MARK = /\[[ xX✓✔]\]\s*[\p{L}\p{N}]/gu;
const CHOICE_BOXES = /☐[^☐☑☒✓✔✅🗹|]*(?:☐[^☐☑☒✓✔✅🗹|]*)+/gu;
const TICKED_BOX = /[☑☒✓✔✅🗹]/u;
const OPTIONAL_MARK =
  /\((?:opcional|optional|si aplica|if applicable|if any|si corresponde|when applicable|cuando aplique|si hay)\)/i;
const OPTIONAL_WORDS =
  /\b(?:opcional|optional|si aplica|if applicable|if any|si corresponde|when applicable|cuando aplique)\b/i;
const UNDECIDED =
  /^(?:TBD|TBC|TBA|TODO|XXX+|FIXME|\?{1,3}|N\/A\?|por definir|a definir|por confirmar|pendiente de definir|sin definir|to be (?:defined|determined|decided|confirmed))$/i;
const UNDECIDED_WORD =
  /\b(?:TBD|TBC|TBA|TODO|XXX|FIXME)\b|N\/A\?|\?|definir|confirmar|to be|pendiente|pending|unassigned|asignar/i;
/** A person, date or evidence value that says it is not there yet ("Responsable: pendiente"); a state "Pendiente" is a state. */
export const UNASSIGNED =
  /^(?:pendiente|pending|por asignar|sin asignar|a asignar|unassigned|not assigned(?: yet)?|to be assigned|por decidir|sin fecha|no date yet)$/i;
// "Key: TBD" inside a line ("(TTL: TBD)", "— operator: TBD", "(responsable: pendiente)"): an undecided value after its key.
const INLINE_UNDECIDED =
  /(?<=(\p{L}[\p{L}\p{N} ]{0,30})\s*:\s*(?:\*\*|__)?\s*)(TBD|TBC|TBA|TODO|XXX+|FIXME|[Pp]or definir|[Aa] definir|[Ss]in definir|[Pp]or confirmar|[Pp]endiente de definir|to be (?:defined|determined|decided|confirmed)|[Pp]endiente|[Pp]ending|[Uu]nassigned|por asignar|sin asignar)(?=(?:\*\*|__)?\s*(?:$|[),;|]|\s[—–-]\s))/gu;
const PERSON_KEY =
  /(?:^|\s)(?:owner|responsable|assignee|asignad[oa]|encargad[oa]|operator|operador|quien|who|lead|dri)$/i;
// A field label before a value: "**Owner**:", "- Fecha límite:", "Approved by =".
const LABEL =
  /^(\s*(?:[-*+>]\s+|\d+[.)]\s+)?(?:\*\*|__)?[\p{L}\p{N}][\p{L}\p{N} ./()'&#-]{0,60}?(?:\*\*|__)?\s*(?::\s*(?:\*\*|__)?|=)\s*)/u;

/** Finds the blanks of one line of text (prose, a table row or a fenced block line). */
export function findPlaceholders(line: string, options: BlankScanOptions = {}): PlaceholderMatch[] {
  return [...scanLine(line, options).blanks];
}

/** The same as findPlaceholders, under the name the checklist model uses for cells and values. */
export const findBlanks = findPlaceholders;

/** Values typed inside the template's brackets on one line. */
export function findBracketedValues(line: string, options: BlankScanOptions = {}): BracketedValue[] {
  return [...scanLine(line, options).values];
}

const scanned = new Map<string, LineBlanks>();

/** Blanks and bracketed values of one line, cached by its text. */
export function scanLine(line: string, options: BlankScanOptions = {}): LineBlanks {
  const key = `${options.shell === true ? 's' : '-'}${line}`;
  const cached = scanned.get(key);
  if (cached) return cached;
  const result = scan(line, options);
  if (scanned.size > 20_000) scanned.clear();
  scanned.set(key, result);
  return result;
}

/** Is there anything on the line worth a scan? A cheap test before the parser's work. */
export function mayHoldBlanks(text: string): boolean {
  return /[[<☐]|_{3}|\\_|\b(?:TBD|TBC|TBA|TODO|XXX|FIXME)\b|N\/A\?|\?\?|definir|confirmar|to be|pendiente|pending|unassigned|asignar/i.test(
    text,
  );
}

function scan(line: string, options: BlankScanOptions): LineBlanks {
  const blanks: PlaceholderMatch[] = [];
  const values: BracketedValue[] = [];
  if (!mayHoldBlanks(line)) return { blanks, values };
  const optionalLine = OPTIONAL_MARK.test(line);
  const add = (text: string, start: number, end: number, shape: BlankShape): void => {
    blanks.push({ text, start, end, shape, optional: optionalLine || OPTIONAL_WORDS.test(text) });
  };
  const inCode = insideAny(codeSpans(line));
  bracketBlanks(line, inCode, add, values);
  if (line.includes('<')) angleBlanks(line, options, inCode, add);
  if (line.includes('_')) underscoreBlanks(line, inCode, add);
  if (line.includes('☐')) choiceBlanks(line, add);
  if (UNDECIDED_WORD.test(line)) undecidedValues(line, inCode, add);
  blanks.sort((a, b) => a.start - b.start);
  return { blanks, values };
}

/** How far before a bracket its context is read (a log prefix run, a field label). */
const CONTEXT = 256;

/** A test for "is this offset inside one of these spans", in logarithmic time: a line can hold thousands of brackets and spans. */
function insideAny(spans: readonly (readonly [number, number])[]): (at: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  // The furthest end reached by a span starting at or before each one, so overlapping spans need no merge.
  const reach: number[] = [];
  for (const [i, span] of sorted.entries()) reach.push(Math.max(span[1], reach[i - 1] ?? 0));
  return (at) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.[0] ?? 0) <= at) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && at < (reach[last] ?? 0);
  };
}

/** The first non-blank character at or after `from`, or '' at the end of the line. */
function nextNonSpace(line: string, from: number): string {
  for (let i = from; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (!/\s/.test(ch)) return ch;
  }
  return '';
}

/** Inline code spans (`` `x` ``) of a line: what is inside them is an example, never a blank. */
function codeSpans(line: string): [number, number][] {
  if (!line.includes('`')) return [];
  const spans: [number, number][] = [];
  for (const match of line.matchAll(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g))
    spans.push([match.index, match.index + match[0].length]);
  return spans;
}

type Add = (text: string, start: number, end: number, shape: BlankShape) => void;

// ---------------------------------------------------------------------------
// Brackets

type Verdict = 'blank' | 'value' | 'none';

interface Bracket {
  readonly inner: string;
  readonly start: number;
  readonly end: number;
}

function bracketBlanks(line: string, inCode: (at: number) => boolean, add: Add, values: BracketedValue[]): void {
  if (!line.includes('[')) return;
  const box = TASK_BOX.exec(line);
  const skipUntil = box ? box[0].length : 0;
  const inData = insideAny([...jsonSpans(line), ...secretSpans(line)]);
  const candidates: Bracket[] = [];
  for (const match of line.matchAll(BRACKETS)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start < skipUntil || inCode(start) || inData(start)) continue;
    candidates.push({ inner: match[1] ?? '', start, end });
  }
  const logRun = logPrefixRun(line, candidates);
  const verdicts = candidates.map((b, i) => (logRun.has(i) ? NONE : bracketVerdict(line, b)));
  // Brackets in the company of template blanks on the same line are the template's too ("[Nombre] - [Teléfono] - [PagerDuty]").
  const lineIsTemplate = verdicts.some((v) => v.verdict === 'blank' && v.strong);
  candidates.forEach((b, i) => {
    const v = verdicts[i];
    if (!v) return;
    const verdict = v.verdict !== 'blank' && lineIsTemplate && v.ambiguous ? 'blank' : v.verdict;
    if (verdict === 'blank') add(b.inner, b.start, b.end, 'brackets');
    else if (verdict === 'value') values.push({ text: b.inner, start: b.start, end: b.end });
  });
}

interface BracketJudgement {
  readonly verdict: Verdict;
  /** Template wording for sure (not only a field noun): it makes its neighbours template text too. */
  readonly strong: boolean;
  /** A capitalised name or lowercase word without digits: a value alone, the template's among blanks. */
  readonly ambiguous: boolean;
}

const NONE: BracketJudgement = { verdict: 'none', strong: false, ambiguous: false };
const judged = (verdict: Verdict, strong = false, ambiguous = false): BracketJudgement => ({
  verdict,
  strong,
  ambiguous,
});

/** The choice boxes of a line, counted once per line (every bracket of a line asks; a line can hold thousands). */
let countedLine: string | undefined;
let countedMarks = 0;
function choiceMarks(line: string): number {
  if (line !== countedLine) {
    countedLine = line;
    countedMarks = (line.match(CHOICE_MARK) ?? []).length;
  }
  return countedMarks;
}

function bracketVerdict(line: string, { inner, start, end }: Bracket): BracketJudgement {
  const before = start > 0 ? (line[start - 1] ?? '') : '';
  const after = line[end] ?? '';
  const text = inner.trim();
  // An escaped bracket, an image, an index or footnote right after a word (`items[0]`, `change[2]`), `[[ ... ]]`.
  if (before === '\\' || before === '!' || before === ']' || before === '[' || /[\p{L}\p{N}_)]/u.test(before))
    return NONE;
  if (after === ']') return NONE;
  // A link reference definition: `[label]: url` at the start of the line.
  if (after === ':' && start <= 3 && line.slice(0, start).trim() === '' && /^:\s*\S+\s*$/.test(line.slice(end)))
    return NONE;
  // A GitHub alert opening a quote: `> [!IMPORTANT]`, `> [!NOTE]` (or the quote's text, its markers stripped).
  if (/^!\p{L}+$/u.test(text) && /^[\s>]*$/.test(line.slice(0, start))) return NONE;
  // Empty, a shell test (`[ -f x ]`), a footnote (`[^1]`), a regular expression (`[a-z0-9_-]+`, `^[A-Z]`).
  if (text === '' || (inner.startsWith(' ') && inner.endsWith(' '))) return NONE;
  // A box of a choice written on one line ("[x] Complete | [ ] At Risk"): a mark, neither blank nor value.
  if (/^[xX✓✔]$/u.test(text) && choiceMarks(line) >= 2) return NONE;
  if (text.startsWith('^') || /^[+*?{]/.test(after) || before === '^' || isCharacterClass(text)) return NONE;
  if (isJsonish(text)) return NONE;
  if (looksLikeSecret(text)) return NONE;
  const logPosition = isLogPrefixPosition(line, start, end);
  if (logPosition && !isInstruction(text) && !isMask(text)) return NONE;
  if (LOG_LEVEL.test(text) && nextNonSpace(line, end) !== '') return NONE;
  // Template wording.
  if (isInstruction(text)) return judged('blank', true);
  if (isMask(text)) return judged('blank', true);
  if (isChoice(text)) return judged('blank', true);
  if (isSymbolicUrl(text)) return judged('blank', true);
  if (UNDECIDED.test(text)) return judged('blank', true);
  if (isAllCapsLabel(text)) return judged('blank', true);
  if (isFieldNouns(text)) return judged('blank', false);
  if (isPathSuggestion(text)) return judged('blank', false);
  if (isExpectedValue(text)) return judged('blank', false);
  // What is left is typed text: a value when it stands where a field's value goes.
  const ambiguous = !/\p{N}|@|:\/\/|\./u.test(text);
  return judged(isValuePosition(line, start) ? 'value' : 'none', false, ambiguous);
}

/** `[false]`, `[Sí]`, `[enabled]`: the value the template expects, written for the owner to confirm. */
function isExpectedValue(text: string): boolean {
  return /^(?:true|false|yes|no|s[ií]|on|off|enabled|disabled|activado|desactivado|habilitado|deshabilitado)$/i.test(
    text,
  );
}

const LOG_LEVEL =
  /^(?:INFO|WARN|WARNING|ERROR|ERR|DEBUG|TRACE|FATAL|NOTICE|CRITICAL|CRIT|SEVERE|VERBOSE|OK|PASS|PASSED|FAIL|FAILED|SUCCESS|DONE|SKIP|SKIPPED|[VDIWE]|\+|-|\*|!|✓|✗)$/i;

/** `[INFO] Server started`, `[main] INFO ...`, `2025-12-01T10:00:00Z [WARN] ...`: a prefix of a log line. */
function isLogPrefixPosition(line: string, start: number, end: number): boolean {
  const next = nextNonSpace(line, end);
  if (next === '' || next === '-' || next === '|') return false;
  // Log prefixes are short: a bracket far into the line is not one (and the check stays linear on long lines).
  if (start > CONTEXT) return false;
  const before = line.slice(0, start).trim();
  // Only other prefixes, a timestamp or a log level may stand before it.
  return before
    .split(/\s+/)
    .every((word) => word === '' || /^\[[^\]]*\]$/.test(word) || /^\d[\d:.TZ+-]*$/.test(word) || LOG_LEVEL.test(word));
}

/**
 * Brackets side by side, one of them a log level or a timestamp, with text after them:
 * "Processed: [worker-1] [INFO] job 5521 ...". All of them are the log line's prefixes.
 */
function logPrefixRun(line: string, candidates: readonly Bracket[]): Set<number> {
  const run = new Set<number>();
  let i = 0;
  while (i < candidates.length) {
    let j = i;
    while (j + 1 < candidates.length && line.slice(candidates[j].end, candidates[j + 1].start).trim() === '') j++;
    const members = candidates.slice(i, j + 1);
    const followed = nextNonSpace(line, candidates[j].end) !== '';
    if (
      members.length > 1 &&
      followed &&
      members.some((b) => LOG_LEVEL.test(b.inner.trim()) || TIMESTAMP.test(b.inner.trim()))
    ) {
      for (let k = i; k <= j; k++) run.add(k);
    }
    i = j + 1;
  }
  return run;
}

const TIMESTAMP = /^(?:\d{4}-\d{2}-\d{2}|\d{2}:\d{2}(?::\d{2})?|\w{3} \w{3} \d{1,2} )/;

function isCharacterClass(text: string): boolean {
  return (
    /^\^?(?:[\p{L}\p{N}]-[\p{L}\p{N}]|\\.|[_\-.])+$/u.test(text) &&
    /[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(text) &&
    text.length <= 20
  );
}

const JSON_SCALAR = String.raw`(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)`;
const JSON_LIST = new RegExp(String.raw`^\s*${JSON_SCALAR}(?:\s*,\s*${JSON_SCALAR})+\s*$|^\s*"(?:[^"\\]|\\.)*"\s*$`);

function isJsonish(text: string): boolean {
  return text.startsWith('{') || text.startsWith('[') || JSON_LIST.test(text);
}

/** Spans of balanced JSON on a line (`[{"id":1}]`, `{"items": [1, 2]}`) whose brackets are data. */
function jsonSpans(line: string): [number, number][] {
  if (!/[[{]\s*["{[\d-]/.test(line)) return [];
  const spans: [number, number][] = [];
  // Work stays linear on hostile lines ("[[[[…" thousands deep): each try looks at most JSON_REACH characters ahead,
  // and a line whose brackets keep failing to balance stops being searched.
  let failures = 0;
  for (let i = 0; i < line.length && failures < MAX_JSON_TRIES; i++) {
    const open = line[i];
    if (open !== '{' && open !== '[') continue;
    const close = balancedEnd(line, i, JSON_REACH);
    if (close === undefined) {
      failures++;
      continue;
    }
    const candidate = line.slice(i, close + 1);
    // A lone number in brackets ("[142]") is a value or a footnote, not data.
    if (
      /^[[{]\s*(?:"|\{|\[|\d|-|true|false|null|\])/.test(candidate) &&
      /["{,]|^\[\]$/.test(candidate) &&
      parsesAsJson(candidate)
    ) {
      spans.push([i, close + 1]);
      i = close;
    }
  }
  return spans;
}

const JSON_REACH = 8192;
const MAX_JSON_TRIES = 64;

function balancedEnd(line: string, from: number, reach: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = from; i < line.length && i - from < reach; i++) {
    const ch = line[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Spans of the line the secret detector flags: a pasted secret is never a blank to fill. */
function secretSpans(line: string): (readonly [number, number])[] {
  if (!/\[[\x21-\x5a\x5c\x5e-\x7e]{12,}\]/.test(line)) return [];
  return [...secretDetector.spans(line)];
}

/** Long random-looking ASCII without spaces: a credential even where no rule names it. Mis-encoded words are not ASCII. */
function looksLikeSecret(text: string): boolean {
  if (/\s|[^\x21-\x7e]|:\/\//.test(text) || text.length < 16) return false;
  const digits = text.match(/\d/g)?.length ?? 0;
  const letters = text.match(/[A-Za-z]/g)?.length ?? 0;
  return digits >= 3 && letters >= 3 && secretDetector.looksRandom(text);
}

// Instruction words: a template tells its owner what to do ("pegar", "paste", "insert here").
const INSTRUCTION = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:` +
    [
      'peg(?:ar|a|ue)',
      'paste',
      'insert(?:ar|e)?',
      'add',
      'añadir',
      'agregar',
      'adjunt(?:ar|a)',
      'attach',
      'describ(?:e|ir)',
      'descripci[oó]n',
      'description',
      'enter',
      'ingres(?:ar|a)',
      'escrib(?:ir|a)',
      'write',
      'complet(?:ar|a)',
      'rellen(?:ar|a)',
      'fill(?: in)?',
      'list(?:ar)?',
      'indic(?:ar|a)',
      'specify',
      'especific(?:ar|a)',
      'provide',
      'proporcion(?:ar|a)',
      'aqu[ií]',
      'here',
      'your',
      'tu',
      'su',
      'ej\\.?',
      'e\\.g\\.?',
      'p\\. ?ej\\.?',
      'ejemplo',
      'example',
      'opcional',
      'optional',
      'si aplica',
      'if applicable',
      'tbd',
      'tbc',
      'todo',
      'por definir',
      'link (?:to|al|a)',
      'enlace (?:a|al)',
      'link o',
      'url del?',
      'screenshot',
      'captura',
      'salida',
      'output',
      'nombre',
      'name',
      'fecha',
      'date',
      'confirm(?:ar|ado|ada|ed)?',
      'configurad[oa]',
      'select',
      'seleccion(?:ar|a)',
      'choose',
      'eleg(?:ir|ir una)',
    ].join('|') +
    String.raw`)(?=$|[^\p{L}])`,
  'iu',
);

function isInstruction(text: string): boolean {
  return INSTRUCTION.test(text);
}

// Format masks: X, XX, N, #, YYYY-MM-DD, DD/MM/AAAA, HH:MM, hh:mm UTC, X.Y.Z, vX.Y.Z, JIRA-XXXX, 0.
const MASK_TOKEN =
  /^(?:[Xx]+|N+|n|#+|\?+|Y{2,4}|y{2,4}|A{2,4}|a{4}|M{1,2}|m{1,2}|D{1,2}|d{1,2}|H{1,2}|h{1,2}|s{1,2}|S{1,2}|ms|Z|UTC|GMT|v?[A-Z](?:\.[A-Z]){1,3}|0)$/;

function isMask(text: string): boolean {
  if (/^_{2,}$/.test(text)) return true;
  const tokens = text.split(/[\s\-/:.,+%]+/).filter((t) => t !== '');
  if (tokens.length === 0) return false;
  if (/^v?[A-Z](?:\.[A-Z]){1,3}$/.test(text)) return true;
  // "JIRA-XXXX": a prefix followed by a mask of X's.
  if (/^[A-Z][A-Z0-9]*-X{2,}$/.test(text)) return true;
  return tokens.every((t) => MASK_TOKEN.test(t)) && !/^[a-z]$/.test(text);
}

function isChoice(text: string): boolean {
  if (/\p{N}+\s*\/\s*\p{N}+/u.test(text) && !/\p{L}{2}/u.test(text)) return false;
  const options = text.split(/\s*(?:\/|\|)\s*|\s+(?:o|or|ó|u)\s+/).filter((o) => o.trim() !== '');
  if (options.length < 2) return false;
  // "TAG/SHA", "PASS/FAIL", "k6 / JMeter / Otro", "staging / producción"; not a path or a URL.
  if (/:\/\//.test(text) || /\.\w{1,5}$/.test(text)) return false;
  if (options.some((o) => o.length > 40)) return false;
  if (/\s[/|]\s|\s(?:o|or|ó|u)\s/.test(text)) return true;
  // Without spaces: "PASS/FAIL", "Sí/No", "on/off"; not "hotfix/x.y.z" or "data/transcripts/x".
  return (
    options.length <= 5 &&
    (options.every((o) => /^[\p{Lu}\p{N}✅❌⏳\s_-]+$/u.test(o)) ||
      options.every((o) => /^\p{L}{1,12}$/u.test(o) && (isExpectedValue(o) || /^\p{Lu}/u.test(o))))
  );
}

/** `http://staging-host/api/metrics`, `https://<host>/x`: a URL on a host no one can reach is the template's. */
function isSymbolicUrl(text: string): boolean {
  const match = /^https?:\/\/([^/\s:]+)/.exec(text);
  return match !== null && !(match[1] ?? '').includes('.') && match[1] !== 'localhost';
}

/** `[PEGAR SCREENSHOT]`, `[CONFIGURADA]`, `[✅ PASSED]`, `[URL]`, `[LINK AL PR "x"]`: a label in capitals. */
function isAllCapsLabel(text: string): boolean {
  const unquoted = text.replace(/"[^"]*"/g, '');
  if (/\p{N}/u.test(unquoted) || !/\p{Lu}{2}/u.test(unquoted)) return false;
  const letters = unquoted.match(/\p{L}/gu)?.length ?? 0;
  const upper = unquoted.match(/\p{Lu}/gu)?.length ?? 0;
  return upper / letters >= 0.7;
}

// Field nouns and the little words between them: "[Nombre]", "[host]", "[ruta o bucket]", "[Team name]".
const FIELD_NOUNS = new Set(
  (
    'nombre name names apellido surname teléfono telefono phone móvil movil mobile email e-mail correo mail fecha date hora time timestamp host hostname port puerto ' +
    'url uri link links enlace enlaces ruta path bucket versión version tag sha hash commit branch rama owner owners responsable responsables team equipo ' +
    'value valor número numero number id ticket tickets descripción descripcion description notas notes nota note comentarios comments comentario comment ' +
    'motivo reason archivo file files herramienta tool cantidad count amount total firma signature aprobador approver aprobadores approvers título titulo title ' +
    'cargo rol role handle usuario user username región region entorno environment env servicio service nivel level resultado result results salida output ' +
    'log logs screenshot captura pantalla texto text libre free persona person contacto contact dirección direccion address plan riesgo riesgos risk risks ' +
    'resumen summary cambios changes cambio change identificados identified sprint proyecto project cliente customer client empresa company área area ' +
    'departamento department estado status decisión decision duración duracion duration minutos minutes horas hours días dias days segundos seconds ms ' +
    'porcentaje percentage percent cobertura coverage métrica metrica metric métricas metrics umbral threshold objetivo target dashboard panel reporte report ' +
    'informe pr mr issue job pipeline build imagen image registry repositorio repo repository cluster namespace pod servidor server base datos database db ' +
    'clave key secreto secret firma sign fecha-hora datetime semana week mes month año year día day vendor proveedor ambiente stage etapa paso step ' +
    'evidencia evidence prueba test tests detalle detalles details data dato datos info información informacion account cuenta tipo type monto importe ' +
    'de del la el los las y o u e and or of the a an to for para al en in on by por con with sin without su tu your his her their mi my lo que which who ' +
    'breve brief brevemente briefly completo complete full corto short largo long principal main lead líder lider jefe manager aprobado approved by ' +
    'first last middle full completo completa lista list start end inicio fin begin window ventana channel canal slack grupo group ' +
    'staging production producción produccion prod dev qa uat canary preprod sandbox local'
  ).split(/\s+/),
);

function isFieldNouns(text: string): boolean {
  if (text.startsWith('@')) return FIELD_NOUNS.has(text.slice(1).toLowerCase());
  const words = text
    .toLowerCase()
    .replace(/["'().,;:!?¿¡*_#]/g, ' ')
    .split(/[\s/-]+/)
    .filter((w) => w !== '');
  if (words.length === 0 || words.length > 8 || /\p{N}/u.test(text)) return false;
  const known = (w: string): boolean => FIELD_NOUNS.has(w) || FIELD_NOUNS.has(w.replace(/e?s$/, ''));
  if (words.every(known)) return true;
  // A noun phrase the template words: "[lista de migraciones]", "[link to waiver]", "[nombre del servicio]".
  return words.length >= 3 && known(words[0] ?? '') && PREPOSITIONS.has(words[1] ?? '');
}

const PREPOSITIONS = new Set([
  'de',
  'del',
  'of',
  'for',
  'para',
  'to',
  'a',
  'al',
  'from',
  'desde',
  'en',
  'in',
  'on',
  'sobre',
  'about',
]);

/** `[tests/e2e/]`, `[docs/runbook.md]`: a path the template suggests. */
function isPathSuggestion(text: string): boolean {
  return /^\.{0,2}\/?[\w.-]+(?:\/[\w.-]+)*\/?$/.test(text) && text.includes('/') && !/^\d/.test(text);
}

/** Where a field's value goes: after "Label:", "=", a table bar, or an emoji after a label ("Tests: ✅ [X]"). */
function isValuePosition(line: string, start: number): boolean {
  const before = line
    .slice(Math.max(0, start - CONTEXT), start)
    .replace(/\*\*|__/g, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .trimEnd();
  return before === '' || /[:=|]$/.test(before) || /^\s*(?:[-*+]|\d+[.)])$/.test(before);
}

// ---------------------------------------------------------------------------
// Angles

// HTML elements that are not also field nouns; `<link>`, `<time>`, `<title>` alone are blanks.
const HTML_ELEMENTS = new Set(
  (
    'a abbr b bdi bdo blockquote body br button caption center cite code col colgroup dd del details dfn div dl dt em embed fieldset figcaption figure font ' +
    'footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li main mark meta meter nav nobr noscript object ol optgroup option ' +
    'p param picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup svg table tbody td template ' +
    'textarea tfoot th thead tr track tt u ul var video wbr g'
  ).split(' '),
);

function angleBlanks(line: string, options: BlankScanOptions, inCode: (at: number) => boolean, add: Add): void {
  if (options.shell === true || isShellLine(line)) return;
  for (const match of line.matchAll(ANGLES)) {
    const start = match.index;
    const end = start + match[0].length;
    const inner = match[1] ?? '';
    const before = start > 0 ? (line[start - 1] ?? '') : '';
    if (inCode(start) || /[\p{L}\p{N}_<-]/u.test(before) || line[end] === '=') continue;
    if (isAngleBlank(inner)) add(inner, start, end, 'angle');
  }
}

/** `<YYYY-MM-DD>`, `<fill in>`, `<owner>`, `<PASS | FAIL>`: the inner text of an angle placeholder. Not HTML, autolinks or command variables. */
export function isAngleBlank(inner: string): boolean {
  const text = inner.trim();
  if (text === '' || text !== inner || /^[/!?]/.test(text)) return false;
  if (/:\/\/|^mailto:|^[^\s@]+@[^\s@]+$/.test(text)) return false;
  const name = /^([A-Za-z][\w-]*)/.exec(text)?.[1] ?? '';
  const rest = text.slice(name.length);
  // An HTML tag, with or without attributes.
  if (
    HTML_ELEMENTS.has(name.toLowerCase()) &&
    (rest === '' || /^\s+[\w:-]+(?:=|\s|$)/.test(rest) || rest.trim() === '/')
  )
    return false;
  if (/^\s+[\w:-]+=/.test(rest)) return false;
  if (isMask(text) || isChoice(text) || isInstruction(text)) return true;
  // A word or phrase of the template's field nouns (`<owner>`, `<nombre>`); `<SLA>`, `<sid>`, `<LOG_TOKEN>` are variables.
  if (isFieldNouns(text)) return true;
  return /\s/.test(text) && /^[\p{L}\s'-]+$/u.test(text) && !/^\p{Lu}[\p{Ll}]+\s+\p{Lu}/u.test(text);
}

const SHELL =
  /^\s*(?:\$|#)\s|\b(?:curl|wget|http|redis-cli|kubectl|docker|helm|psql|mysql|ssh|scp|npm|npx|yarn|git|echo|export|telnet|nc|aws|gcloud|az)\s|^\s+-[-\w]+\s|\|\s*(?:jq|head|tail|grep)\b/;

function isShellLine(line: string): boolean {
  return SHELL.test(line);
}

// ---------------------------------------------------------------------------
// Underscores, undecided words, choices

function underscoreBlanks(line: string, inCode: (at: number) => boolean, add: Add): void {
  // A line of underscores alone is a thematic break.
  if (/^\s*(?:_\s*){3,}$/.test(line)) return;
  for (const match of line.matchAll(UNDERSCORES)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = start > 0 ? (line[start - 1] ?? '') : '';
    const after = line[end] ?? '';
    if (inCode(start) || /[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    add(match[0], start, end, 'underscores');
  }
}

/** `Owner: TBD`, `| TODO |`, a line that is only "Por definir": a value not decided yet. */
function undecidedValues(line: string, inCode: (at: number) => boolean, add: Add): void {
  if (line.includes('|')) {
    let at = 0;
    for (const cell of line.split('|')) {
      const trimmed = cell.trim();
      const offset = at + cell.indexOf(trimmed);
      if (trimmed !== '' && UNDECIDED.test(stripEmphasis(trimmed)) && !inCode(offset))
        add(trimmed, offset, offset + trimmed.length, 'word');
      at += cell.length + 1;
    }
    return;
  }
  const label = LABEL.exec(line);
  const from = label ? (label[1]?.length ?? 0) : 0;
  const value = line.slice(from).replace(/\s*<!--.*?-->\s*$/, '');
  const trimmed = value.trim();
  let whole = -1;
  if (
    trimmed !== '' &&
    UNDECIDED.test(stripEmphasis(trimmed)) &&
    (label || /^\s*[-*+]?\s*\?+\s*$/.test(line) || line.trim() === trimmed)
  ) {
    whole = from + value.indexOf(trimmed);
    if (!inCode(whole)) add(trimmed, whole, whole + trimmed.length, 'word');
  }
  for (const match of line.matchAll(INLINE_UNDECIDED)) {
    const word = match[2] ?? '';
    // "pendiente" is an undecided value only for a person: after "Status:" it is a state.
    if (
      /^(?:pendiente|pending|unassigned|por asignar|sin asignar)$/i.test(word) &&
      !PERSON_KEY.test((match[1] ?? '').trim())
    )
      continue;
    if (match.index === whole || inCode(match.index)) continue;
    add(word, match.index, match.index + word.length, 'word');
  }
}

function stripEmphasis(text: string): string {
  return text.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').trim();
}

function choiceBlanks(line: string, add: Add): void {
  const row = line.trimStart().startsWith('|');
  for (const match of line.matchAll(CHOICE_BOXES)) {
    const text = match[0].trimEnd();
    // A choice with an option ticked anywhere on its line (in a table row: in its cell) is answered.
    const from = row ? line.lastIndexOf('|', match.index) + 1 : 0;
    const to = row && line.indexOf('|', match.index) !== -1 ? line.indexOf('|', match.index) : line.length;
    if (TICKED_BOX.test(line.slice(from, to))) continue;
    add(text, match.index, match.index + text.length, 'choice-boxes');
  }
}

// ---------------------------------------------------------------------------
// Values of fields and cells

/** Is this field value still to be filled: nothing but template blanks, "TBD" or underscores? (Empty text is not: see isBlankCell.) */
export function isBlankValue(text: string): boolean {
  const raw = text.replace(/<!--.*?-->/g, '').trim();
  if (/^(?:\\?_){3,}$/.test(raw)) return true;
  const trimmed = stripEmphasis(raw);
  if (trimmed === '') return false;
  if (UNDECIDED.test(trimmed)) return true;
  const blanks = findBlanks(trimmed);
  if (blanks.length === 0) return false;
  // What is left besides the blanks is punctuation or units ("[X] ms", "____/____").
  let rest = '';
  let from = 0;
  for (const b of blanks) {
    rest += trimmed.slice(from, b.start);
    from = Math.max(from, b.end);
  }
  rest += trimmed.slice(from);
  return /^[\s\-/:.,%()—–|]*(?:ms|s|h|min|%|días?|days?|horas?|hours?)?[\s\-/:.,%()—–|]*$/i.test(rest);
}

/** Columns whose empty cells are blanks to fill. */
export type BlankColumn = 'owner' | 'status' | 'date' | 'evidence' | 'other';

/** Is this table cell still to be filled? Empty cells count in owner, status, date and evidence columns. */
export function isBlankCell(text: string, column: BlankColumn = 'other'): boolean {
  const trimmed = text.replace(/<!--.*?-->/g, '').trim();
  if (trimmed === '' || trimmed === '&nbsp;') return column !== 'other';
  return isBlankValue(trimmed);
}

/** Is this blank, or the line it stands on, marked optional ("[OPCIONAL]", "(si aplica)", "(if applicable)")? */
export function isOptionalBlank(blankText: string, line = ''): boolean {
  return OPTIONAL_WORDS.test(blankText) || OPTIONAL_MARK.test(line);
}

/** The blank as written: `[text]`, `<text>`, or the underscores, word or boxes themselves. */
export function blankSource(blank: { readonly text: string; readonly shape: BlankShape }): string {
  if (blank.shape === 'brackets') return `[${blank.text}]`;
  if (blank.shape === 'angle') return `<${blank.text}>`;
  if (blank.shape === 'comment') return `<!-- ${blank.text} -->`;
  return blank.text;
}

// ---------------------------------------------------------------------------
// Classification

const NUMBER = /^(?:[XxN#]+|\d+(?:[.,]\d+)?|[Xx]\.[Xx](?:\.[Xx])?)%?$/;
const DATE = /\b(?:YYYY|AAAA|MM-DD|DD\/MM|MM\/DD|HH:MM|fecha|date|hora|time)\b/i;
const SLOT = /^[\w.-]+(?::[\w.-]+|\/[\w.-]+)+$|^[a-z][\w.-]*$|^https?:\/\/\S+$/;

export function classifyPlaceholder(inner: string, label = ''): PlaceholderInfo {
  const text = inner.trim();
  // "___/___/____", or underscores after "Date:" / "Fecha:": a date.
  if (
    /^(?:\\?_)+(?:[/.-](?:\\?_)+)+$/.test(text) ||
    (/^(?:\\?_)+$/.test(text) && /(?:^|[\s(—–|])(?:date|fecha|d[ií]a|day|deadline|due|vence|plazo)\s*$/i.test(label))
  ) {
    return { kind: 'date', purpose: 'value', options: [] };
  }
  if (/\s[/|]\s/.test(text)) {
    return {
      kind: 'choice',
      purpose: 'value',
      options: text
        .split(/\s+[/|]\s+/)
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    };
  }
  if (text.startsWith('☐')) {
    return {
      kind: 'choice',
      purpose: 'value',
      options: text
        .split('☐')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    };
  }
  if (NUMBER.test(text)) return { kind: 'number', purpose: 'value', options: [] };
  if (DATE.test(text)) return { kind: 'date', purpose: 'value', options: [] };
  if (/^(?:\\?_)+$/.test(text) || UNDECIDED.test(text)) return { kind: 'text', purpose: 'value', options: [] };
  if (SLOT.test(text)) return { kind: 'slot', purpose: 'value', options: [] };
  return { kind: 'text', purpose: purposeOf(text), options: [] };
}

function purposeOf(text: string): PlaceholderPurpose {
  const upper = text.toUpperCase();
  if (/NO PEGAR|DO NOT PASTE|DON'T PASTE/.test(upper)) return 'secret-note';
  if (/SCREENSHOT|CAPTURA/.test(upper)) return 'screenshot';
  if (/SALIDA|OUTPUT|RESULTADO|RESULT/.test(upper)) return 'output';
  if (/\bLOGS?\b/.test(upper)) return 'log';
  if (/LINK|ENLACE|URL/.test(upper)) return 'link';
  if (/NOMBRE|\bNAME\b/.test(upper)) return 'name';
  return 'value';
}

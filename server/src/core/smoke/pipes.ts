// The programs a smoke-test command may pipe curl's output into, `jq` with a
// simple path, `head -n N` and `grep` with a plain pattern, read from their
// arguments and applied to the response text the way the real programs would.

export type JsonPath = readonly (string | number)[];

export type PipeStage =
  | { readonly program: 'jq'; readonly path: JsonPath; readonly raw: boolean; readonly compact: boolean }
  | { readonly program: 'head'; readonly lines: number }
  | {
      readonly program: 'grep';
      /** The pattern as written, with -v if given: for messages. */
      readonly written: string;
      readonly pattern: RegExp;
      readonly invert: boolean;
      readonly quiet: boolean;
      readonly count: boolean;
    };

export type PipeProblem =
  | { readonly code: 'unsupported-pipe'; readonly program: string }
  | { readonly code: 'unsupported-pipe-argument'; readonly program: string; readonly argument: string };

const JQ_FLAGS: Readonly<Record<string, 'raw' | 'compact' | 'colour'>> = {
  '-r': 'raw',
  '--raw-output': 'raw',
  '-c': 'compact',
  '--compact-output': 'compact',
  '-M': 'colour',
  '-C': 'colour',
  '--monochrome-output': 'colour',
  '--color-output': 'colour',
};

export function parsePipeStage(words: readonly string[]): PipeStage | PipeProblem {
  const [program = '', ...args] = words;
  if (program === 'jq') return parseJq(args);
  if (program === 'head') return parseHead(args);
  if (program === 'grep' || program === 'egrep' || program === 'fgrep') return parseGrep(program, args);
  return { code: 'unsupported-pipe', program };
}

function parseJq(args: readonly string[]): PipeStage | PipeProblem {
  let raw = false;
  let compact = false;
  let filter: string | undefined;
  for (const arg of args) {
    const flag = JQ_FLAGS[arg];
    if (flag === 'raw') raw = true;
    else if (flag === 'compact') compact = true;
    else if (flag === 'colour') continue;
    else if (filter === undefined && !arg.startsWith('-')) filter = arg;
    else return { code: 'unsupported-pipe-argument', program: 'jq', argument: arg };
  }
  const path = parseJsonPath(filter ?? '.');
  if (!path) return { code: 'unsupported-pipe-argument', program: 'jq', argument: filter ?? '' };
  return { program: 'jq', path, raw, compact };
}

// `.`, `.a`, `.a.b`, `.[0]`, `.a[0].b`, `."key with spaces"`, `.["key"]`.
const PATH_STEP = /^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\.?\[(\d+)\]|\."([^"\\]*)"|\.?\["([^"\\]*)"\])/;

export function parseJsonPath(filter: string): JsonPath | undefined {
  const text = filter.trim();
  if (text === '.') return [];
  if (!text.startsWith('.')) return undefined;
  const path: (string | number)[] = [];
  let rest = text;
  while (rest !== '') {
    const step = PATH_STEP.exec(rest);
    if (!step) return undefined;
    if (step[2] !== undefined) path.push(Number(step[2]));
    else path.push(step[1] ?? step[3] ?? step[4] ?? '');
    rest = rest.slice(step[0].length);
  }
  return path;
}

function parseHead(args: readonly string[]): PipeStage | PipeProblem {
  let lines = 10;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    let value: string | undefined;
    if (arg === '-n' || arg === '--lines') value = args[++i];
    else if (arg.startsWith('--lines=')) value = arg.slice('--lines='.length);
    else if (/^-n\d+$/.test(arg)) value = arg.slice(2);
    else if (/^-\d+$/.test(arg)) value = arg.slice(1);
    else return { code: 'unsupported-pipe-argument', program: 'head', argument: arg };
    if (value === undefined || !/^\d+$/.test(value))
      return { code: 'unsupported-pipe-argument', program: 'head', argument: value ?? arg };
    lines = Number(value);
  }
  return { program: 'head', lines };
}

const GREP_FLAGS = new Set(['i', 'q', 'c', 'v', 'E', 'F', 'w', 's']);
/** Longest line a grep pattern is tried on: a few quantifiers on longer lines could take long. */
const GREP_LINE = 4096;

/**
 * `grep [-iqcvEFw] PATTERN` (or `-e PATTERN`). The pattern may use literal text, `.`, `^`, `$`, bracket
 * expressions and at most two repeats (`*`, and with -E `+` and `?`): what a smoke test greps for. Groups,
 * alternatives and back-references are refused, so no pattern can take long on any response.
 */
function parseGrep(program: string, args: readonly string[]): PipeStage | PipeProblem {
  const flags = new Set<string>(program === 'egrep' ? ['E'] : program === 'fgrep' ? ['F'] : []);
  let pattern: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-e' || arg === '--regexp') {
      if (pattern !== undefined || args[i + 1] === undefined) return unsupportedGrep(arg);
      pattern = args[++i];
    } else if (/^-[A-Za-z]+$/.test(arg) && [...arg.slice(1)].every((f) => GREP_FLAGS.has(f))) {
      for (const f of arg.slice(1)) flags.add(f);
    } else if (arg === '--ignore-case' || arg === '--quiet' || arg === '--silent' || arg === '--count') {
      flags.add(arg === '--ignore-case' ? 'i' : arg === '--count' ? 'c' : 'q');
    } else if (pattern === undefined && (!arg.startsWith('-') || arg === '-')) pattern = arg;
    else return unsupportedGrep(arg);
  }
  if (pattern === undefined) return unsupportedGrep('');
  const source = flags.has('F') ? escapeRegExp(pattern) : grepSource(pattern, flags.has('E'));
  if (source === undefined) return unsupportedGrep(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(flags.has('w') ? `(?<![\\w])(?:${source})(?![\\w])` : source, flags.has('i') ? 'iu' : 'u');
  } catch {
    return unsupportedGrep(pattern);
  }
  return {
    program: 'grep',
    written: `${flags.has('v') ? '-v ' : ''}${pattern}`,
    pattern: regex,
    invert: flags.has('v'),
    quiet: flags.has('q'),
    count: flags.has('c'),
  };
}

function unsupportedGrep(argument: string): PipeProblem {
  return { code: 'unsupported-pipe-argument', program: 'grep', argument };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A basic (or, with `extended`, extended) grep pattern as a JavaScript one, within the safe subset; else undefined. */
function grepSource(pattern: string, extended: boolean): string | undefined {
  let out = '';
  let repeats = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      const next = pattern[++i];
      // `\(`, `\|`, `\{` are groups, alternatives and counts in a basic pattern; `\1` a back-reference.
      if (next === undefined || /[A-Za-z0-9(){}|<>]/.test(next)) return undefined;
      out += escapeRegExp(next);
    } else if (c === '[') {
      const end = pattern.indexOf(
        ']',
        pattern[i + 1] === ']' ? i + 2 : pattern[i + 1] === '^' && pattern[i + 2] === ']' ? i + 3 : i + 1,
      );
      if (end === -1) return undefined;
      const inside = pattern.slice(i + 1, end);
      if (inside.includes('[')) return undefined;
      out += `[${inside.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '*' || (extended && (c === '+' || c === '?'))) {
      if (out === '' || ++repeats > 2) return undefined;
      out += c;
    } else if (c === '.' || (c === '^' && i === 0) || (c === '$' && i === pattern.length - 1)) out += c;
    else if (extended && /[(){}|]/.test(c)) return undefined;
    else out += escapeRegExp(c);
  }
  return out;
}

export function isPipeProblem(value: PipeStage | PipeProblem): value is PipeProblem {
  return 'code' in value;
}

/** What a stage made of the text; `omittedLines` counts what `head` left out. */
export type StageOutcome =
  | { readonly ok: true; readonly text: string; readonly omittedLines: number }
  | { readonly ok: false; readonly error: 'not-json' | 'jq-path' | 'grep-no-match'; readonly detail: string };

export function applyStage(stage: PipeStage, text: string): StageOutcome {
  if (stage.program === 'jq') return applyJq(stage, text);
  if (stage.program === 'grep') return applyGrep(stage, text);
  return applyHead(stage.lines, text);
}

/** The lines grep selects; none selected is grep's exit status 1, which fails the pipeline. */
function applyGrep(stage: Extract<PipeStage, { program: 'grep' }>, text: string): StageOutcome {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const selected = lines.filter((line) => stage.pattern.test(line.slice(0, GREP_LINE)) !== stage.invert);
  if (selected.length === 0) return { ok: false, error: 'grep-no-match', detail: stage.written };
  const output = stage.quiet ? '' : stage.count ? `${selected.length}\n` : `${selected.join('\n')}\n`;
  return { ok: true, text: output, omittedLines: 0 };
}

function applyHead(count: number, text: string): StageOutcome {
  const lines = text.split('\n');
  // A final newline ends the last line; it does not start another one.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= count) return { ok: true, text, omittedLines: 0 };
  return { ok: true, text: lines.slice(0, count).join('\n') + '\n', omittedLines: lines.length - count };
}

function applyJq(stage: Extract<PipeStage, { program: 'jq' }>, text: string): StageOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json', detail: firstLine(text) };
  }
  for (const step of stage.path) {
    if (value === null || value === undefined) {
      value = null;
      continue;
    }
    if (typeof step === 'number' ? !Array.isArray(value) : typeof value !== 'object' || Array.isArray(value)) {
      return {
        ok: false,
        error: 'jq-path',
        detail: `${describeType(value)} cannot be indexed with ${JSON.stringify(step)}`,
      };
    }
    value = (value as Record<string | number, unknown>)[step] ?? null;
  }
  const rendered =
    stage.raw && typeof value === 'string' ? value : JSON.stringify(value, null, stage.compact ? undefined : 2);
  return { ok: true, text: rendered + '\n', omittedLines: 0 };
}

/** The value at a path of a parsed JSON document, or undefined. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 80 ? line.slice(0, 80) + '…' : line;
}

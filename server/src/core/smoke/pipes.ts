// The two programs a smoke-test command may pipe curl's output into, `jq` with
// a simple path and `head -n N`, read from their arguments and applied to the
// response text the way the real programs would.

export type JsonPath = readonly (string | number)[];

export type PipeStage =
  | { readonly program: 'jq'; readonly path: JsonPath; readonly raw: boolean; readonly compact: boolean }
  | { readonly program: 'head'; readonly lines: number };

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

export function isPipeProblem(value: PipeStage | PipeProblem): value is PipeProblem {
  return 'code' in value;
}

/** What a stage made of the text; `omittedLines` counts what `head` left out. */
export type StageOutcome =
  | { readonly ok: true; readonly text: string; readonly omittedLines: number }
  | { readonly ok: false; readonly error: 'not-json' | 'jq-path'; readonly detail: string };

export function applyStage(stage: PipeStage, text: string): StageOutcome {
  return stage.program === 'jq' ? applyJq(stage, text) : applyHead(stage.lines, text);
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

// Reads a smoke test's `curl ...` command line into a request description. The
// words come from shell-quote, a real shell-words tokenizer, so quoting works
// as in a shell; anything a shell would do beyond running curl (other programs,
// redirections, `&&`, command substitution) is reported, never executed.
import { parse as shellWords, type ParseEntry } from 'shell-quote';
import { isPipeProblem, parsePipeStage, type PipeProblem, type PipeStage } from './pipes';

/** Literal text, or a file whose bytes are the value (`@path`). */
export type DataSource =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'file'; readonly path: string; readonly stripNewlines: boolean };

export type FormField =
  | { readonly kind: 'text'; readonly name: string; readonly value: string }
  | {
      readonly kind: 'file';
      readonly name: string;
      readonly path: string;
      readonly filename: string;
      readonly contentType: string | undefined;
    }
  | { readonly kind: 'file-text'; readonly name: string; readonly path: string };

/** A curl command as written; `<name>` variables are still in the text. */
export interface CurlCommand {
  /** `-X`; otherwise the method follows from the body and `-G`. */
  readonly method: string | undefined;
  readonly url: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** `-d/--data/--data-raw/--data-binary/--data-ascii`, joined with `&`. */
  readonly data: readonly DataSource[];
  /** `--json`, concatenated. */
  readonly json: readonly DataSource[];
  readonly form: readonly FormField[];
  /** `-u user:password`. */
  readonly user: string | undefined;
  readonly get: boolean;
  readonly followRedirects: boolean;
  readonly insecure: boolean;
  readonly includeHeaders: boolean;
  readonly compressed: boolean;
  readonly maxTimeMs: number | undefined;
  /** `-o /dev/null`: the body is not shown (only what `-w` writes). */
  readonly discardBody: boolean;
  /** `-w/--write-out`: the format curl writes after the transfer (`%{http_code}\n`). */
  readonly writeOut: string | undefined;
  readonly pipeline: readonly PipeStage[];
}

export type CommandProblem =
  | PipeProblem
  | { readonly code: 'not-curl'; readonly program: string }
  | { readonly code: 'shell-operator'; readonly operator: string }
  | { readonly code: 'shell-expansion'; readonly text: string }
  | { readonly code: 'unbalanced-quotes' }
  | { readonly code: 'unsupported-option'; readonly option: string }
  | { readonly code: 'missing-argument'; readonly option: string }
  | { readonly code: 'bad-argument'; readonly option: string; readonly value: string }
  | { readonly code: 'stdin' }
  | { readonly code: 'no-url' }
  | { readonly code: 'several-urls' }
  | { readonly code: 'not-http'; readonly url: string }
  | { readonly code: 'url-glob'; readonly url: string }
  | { readonly code: 'data-and-form' };

export type ParsedCommand =
  { readonly ok: true; readonly command: CurlCommand } | { readonly ok: false; readonly problem: CommandProblem };

/** The method curl uses: `-X`, else GET with `-G` or no body, else POST. */
export function effectiveMethod(command: CurlCommand): string {
  if (command.method !== undefined) return command.method;
  const hasBody = command.form.length > 0 || command.json.length > 0 || command.data.length > 0;
  return hasBody && !command.get ? 'POST' : 'GET';
}

const SHORT: Readonly<Record<string, string>> = {
  X: 'request',
  H: 'header',
  d: 'data',
  F: 'form',
  u: 'user',
  G: 'get',
  L: 'location',
  k: 'insecure',
  i: 'include',
  s: 'silent',
  S: 'show-error',
  m: 'max-time',
  f: 'fail',
  g: 'globoff',
  o: 'output',
  w: 'write-out',
  I: 'head',
  A: 'user-agent',
  e: 'referer',
  b: 'cookie',
};

const TAKES_ARGUMENT = new Set([
  'request',
  'header',
  'data',
  'data-raw',
  'data-binary',
  'data-ascii',
  'json',
  'form',
  'user',
  'max-time',
  'url',
  'output',
  'write-out',
  'user-agent',
  'referer',
  'cookie',
  'connect-timeout',
]);
const FLAGS = new Set([
  'get',
  'location',
  'insecure',
  'include',
  'silent',
  'show-error',
  'compressed',
  'fail',
  'globoff',
  'head',
  'fail-with-body',
  'no-progress-meter',
]);

// Marks where the tokenizer met `$NAME`; it becomes the `<NAME>` variable.
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses one command, its continuation lines already joined (backslash-newline
 * removed) and without the `$ ` prompt.
 */
export function parseCurlCommand(commandLine: string): ParsedCommand {
  const split = commandStages(commandLine);
  if (!split.ok) return fail(split.problem);
  const [programWords = [], ...pipeWords] = split.stages;
  if (programWords[0] === 'time') programWords.shift();
  const curlWords =
    programWords[0] === 'wget'
      ? wgetAsCurl(programWords)
      : programWords[0] === 'http' || programWords[0] === 'https'
        ? httpieAsCurl(programWords)
        : programWords;
  if (!Array.isArray(curlWords)) return fail(curlWords);
  if (curlWords[0] !== 'curl') return fail({ code: 'not-curl', program: curlWords[0] ?? '' });

  const pipeline: PipeStage[] = [];
  for (const words of pipeWords) {
    const stage = parsePipeStage(words);
    if (isPipeProblem(stage)) return fail(stage);
    pipeline.push(stage);
  }
  return readOptions(curlWords.slice(1), pipeline);
}

/** A command line as the words of each pipeline stage, or why a shell would do more than run programs. */
export function commandStages(
  commandLine: string,
): { ok: true; stages: string[][] } | { ok: false; problem: CommandProblem } {
  if (commandLine.includes('`')) return { ok: false, problem: { code: 'shell-expansion', text: '`…`' } };
  let expansion: string | undefined;
  const env = (key: string): string => {
    if (!VARIABLE_NAME.test(key)) expansion ??= key === '' ? '$(…)' : `\${${key}}`;
    return `<${key}>`;
  };
  const entries = shellWords(quoteVariables(commandLine), env);
  if (expansion !== undefined) return { ok: false, problem: { code: 'shell-expansion', text: expansion } };
  if (hasUnclosedQuote(commandLine)) return { ok: false, problem: { code: 'unbalanced-quotes' } };

  const stages: string[][] = [[]];
  for (const entry of entries) {
    const word = wordOf(entry);
    if (word !== undefined) {
      stages[stages.length - 1]?.push(word);
    } else if (typeof entry === 'object' && 'op' in entry && entry.op === '|') {
      stages.push([]);
    } else if (typeof entry === 'object' && 'comment' in entry) {
      break;
    } else {
      return {
        ok: false,
        problem: {
          code: 'shell-operator',
          operator: typeof entry === 'object' && 'op' in entry ? entry.op : String(entry),
        },
      };
    }
  }
  return { ok: true, stages };
}

/** `wget -qO- URL` (quiet, the body to standard output) is `curl -sS URL`; other wget options are not read. */
function wgetAsCurl(words: readonly string[]): string[] | CommandProblem {
  const curl = ['curl', '-sS'];
  let toStdout = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '-qO-' || word === '-qO' || word === '-O-' || word === '--output-document=-')
      toStdout ||= word !== '-qO' || words[++i] === '-';
    else if (word === '-O' || word === '--output-document') toStdout = words[++i] === '-';
    else if (word === '-q' || word === '--quiet') continue;
    else if (word.startsWith('--header=')) curl.push('-H', word.slice('--header='.length));
    else if (word === '--header') curl.push('-H', words[++i] ?? '');
    else if (word.startsWith('-')) return { code: 'unsupported-option', option: word };
    else curl.push(word);
  }
  // Without -O -, wget writes the body to a file: not something a smoke test should do.
  if (!toStdout) return { code: 'unsupported-option', option: 'wget without -O -' };
  return curl;
}

const HTTPIE_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;

/** httpie's `http [METHOD] URL [Header:value] [field=value] [field:=json]` as curl words (fields are a JSON object). */
function httpieAsCurl(words: readonly string[]): string[] | CommandProblem {
  const curl = ['curl', '-sS'];
  let i = 1;
  if ((words[i] ?? '').startsWith('-')) return { code: 'unsupported-option', option: words[i] ?? '' };
  if (HTTPIE_METHOD.test(words[i] ?? '')) curl.push('-X', words[i++] ?? '');
  const target = words[i++];
  if (target === undefined) return { code: 'no-url' };
  curl.push(words[0] === 'https' && !/^[a-z]+:\/\//i.test(target) ? `https://${target}` : target);
  const fields: Record<string, unknown> = {};
  let hasFields = false;
  for (; i < words.length; i++) {
    const item = words[i] ?? '';
    const raw = /^([^:=]+):=(.*)$/.exec(item);
    const field = /^([^:=]+)=(.*)$/.exec(item);
    const header = /^([A-Za-z0-9-]+):(.*)$/.exec(item);
    if (raw) {
      try {
        fields[raw[1] ?? ''] = JSON.parse(raw[2] ?? '') as unknown;
      } catch {
        return { code: 'bad-argument', option: 'http', value: item };
      }
      hasFields = true;
    } else if (field) {
      fields[field[1] ?? ''] = field[2] ?? '';
      hasFields = true;
    } else if (header) {
      curl.push('-H', `${header[1] ?? ''}: ${(header[2] ?? '').trim()}`);
    } else {
      return { code: 'bad-argument', option: 'http', value: item };
    }
  }
  if (hasFields) curl.push('--json', JSON.stringify(fields));
  return curl;
}

/**
 * An unquoted `<NAME>` standing as a word of its own (`redis-cli -a <REDIS_PASSWORD>`) is the
 * checklist's variable, not a shell redirection: it is put in double quotes, where `<` is a plain
 * character, before the words are split. Inside a word (`-H x-id:<sid>`) it stays what a shell reads.
 */
function quoteVariables(text: string): string {
  let out = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote === undefined && c === '<' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const variable = /^<[A-Za-z_][A-Za-z0-9_.-]*>(?=\s|$)/.exec(text.slice(i))?.[0];
      if (variable) {
        out += `"${variable}"`;
        i += variable.length - 1;
        continue;
      }
    }
    if (c === '\\' && quote !== "'") {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (quote === undefined && (c === '"' || c === "'")) quote = c;
    else if (quote === c) quote = undefined;
    out += c;
  }
  return out;
}

/**
 * shell-quote silently drops a quote that never closes and reads the rest as
 * words, which would send something the author did not write. This only checks
 * that every quote closes (a `#` comment ends the check); the words themselves
 * still come from shell-quote.
 */
function hasUnclosedQuote(text: string): boolean {
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      return false;
    }
  }
  return quote !== undefined;
}

function wordOf(entry: ParseEntry): string | undefined {
  if (typeof entry === 'string') return entry;
  // An unquoted `?` or `*` the shell leaves as is when nothing matches it.
  if ('op' in entry && entry.op === 'glob') return entry.pattern;
  return undefined;
}

function fail(problem: CommandProblem): ParsedCommand {
  return { ok: false, problem };
}

interface Draft {
  method: string | undefined;
  urls: string[];
  headers: [string, string][];
  data: DataSource[];
  json: DataSource[];
  form: FormField[];
  user: string | undefined;
  flags: Set<string>;
  maxTimeMs: number | undefined;
  discardBody: boolean;
  writeOut: string | undefined;
}

function readOptions(args: readonly string[], pipeline: PipeStage[]): ParsedCommand {
  const draft: Draft = {
    method: undefined,
    urls: [],
    headers: [],
    data: [],
    json: [],
    form: [],
    user: undefined,
    flags: new Set(),
    maxTimeMs: undefined,
    discardBody: false,
    writeOut: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('-') || arg === '-') {
      draft.urls.push(arg);
      continue;
    }
    // `-sSL`, `-XPOST`, `-H'X: y'`: short options cluster, the last may take the rest as its value.
    const options: [name: string, inlineValue: string | undefined, written: string][] = [];
    if (arg.startsWith('--')) {
      options.push([arg.slice(2), undefined, arg]);
    } else {
      for (let c = 1; c < arg.length; c++) {
        const name = SHORT[arg[c] ?? ''];
        if (name === undefined) return fail({ code: 'unsupported-option', option: `-${arg[c] ?? ''}` });
        if (TAKES_ARGUMENT.has(name) && c + 1 < arg.length) {
          options.push([name, arg.slice(c + 1), `-${arg[c] ?? ''}`]);
          break;
        }
        options.push([name, undefined, `-${arg[c] ?? ''}`]);
      }
    }
    for (const [name, inlineValue, written] of options) {
      if (FLAGS.has(name)) {
        draft.flags.add(name);
        continue;
      }
      if (!TAKES_ARGUMENT.has(name)) return fail({ code: 'unsupported-option', option: written });
      const value = inlineValue ?? args[++i];
      if (value === undefined) return fail({ code: 'missing-argument', option: written });
      const problem = applyOption(draft, name, value, written);
      if (problem) return fail(problem);
    }
  }
  return finish(draft, pipeline);
}

function applyOption(draft: Draft, name: string, value: string, written: string): CommandProblem | undefined {
  switch (name) {
    case 'request':
      if (!/^[A-Za-z]+$/.test(value)) return { code: 'bad-argument', option: written, value };
      draft.method = value.toUpperCase();
      return undefined;
    case 'header': {
      const colon = value.indexOf(':');
      if (colon <= 0) return { code: 'bad-argument', option: written, value };
      draft.headers.push([value.slice(0, colon).trim(), value.slice(colon + 1).trim()]);
      return undefined;
    }
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'data-raw':
    case 'json': {
      const source = dataSource(value, name);
      if (source === 'stdin') return { code: 'stdin' };
      (name === 'json' ? draft.json : draft.data).push(source);
      return undefined;
    }
    case 'form': {
      const field = formField(value);
      if (field === 'stdin') return { code: 'stdin' };
      if (!field) return { code: 'bad-argument', option: written, value };
      draft.form.push(field);
      return undefined;
    }
    case 'user':
      // Without a password curl would prompt for one.
      if (!value.includes(':')) return { code: 'bad-argument', option: written, value };
      draft.user = value;
      return undefined;
    case 'max-time': {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) return { code: 'bad-argument', option: written, value };
      draft.maxTimeMs = seconds * 1000;
      return undefined;
    }
    case 'url':
      draft.urls.push(value);
      return undefined;
    case 'output':
      // The body thrown away (`-o /dev/null`) or to standard output (`-o -`); a smoke test writes no file.
      if (value !== '/dev/null' && value !== '-' && value.toUpperCase() !== 'NUL')
        return { code: 'bad-argument', option: written, value };
      draft.discardBody ||= value !== '-';
      return undefined;
    case 'write-out':
      // `-w @file` reads the format from a file: not a smoke test's business.
      if (value.startsWith('@')) return { code: 'bad-argument', option: written, value };
      draft.writeOut = value;
      return undefined;
    case 'user-agent':
      draft.headers.push(['User-Agent', value]);
      return undefined;
    case 'referer':
      draft.headers.push(['Referer', value.replace(/;auto$/, '')]);
      return undefined;
    case 'cookie':
      // `-b 'a=1; b=2'` sends them; `-b file` would read a cookie jar.
      if (!value.includes('=')) return { code: 'bad-argument', option: written, value };
      draft.headers.push(['Cookie', value]);
      return undefined;
    case 'connect-timeout': {
      // The runner's own timeout bounds the whole test; the value is checked, not used.
      const seconds = Number(value);
      return Number.isFinite(seconds) && seconds > 0 ? undefined : { code: 'bad-argument', option: written, value };
    }
    default:
      return { code: 'unsupported-option', option: written };
  }
}

function dataSource(value: string, option: string): DataSource | 'stdin' {
  if (option === 'data-raw' || !value.startsWith('@')) return { kind: 'text', text: value };
  const path = value.slice(1);
  if (path === '-') return 'stdin';
  // `-d @file` drops carriage returns and newlines; `--data-binary` and `--json` keep the bytes.
  return { kind: 'file', path, stripNewlines: option === 'data' || option === 'data-ascii' };
}

function formField(value: string): FormField | 'stdin' | undefined {
  const eq = value.indexOf('=');
  if (eq <= 0) return undefined;
  const name = value.slice(0, eq);
  const rest = value.slice(eq + 1);
  if (rest.startsWith('<')) {
    const path = rest.slice(1);
    return path === '-' ? 'stdin' : { kind: 'file-text', name, path };
  }
  if (!rest.startsWith('@')) return { kind: 'text', name, value: rest };
  const [path = '', ...params] = rest.slice(1).split(';');
  if (path === '-') return 'stdin';
  let contentType: string | undefined;
  let filename = path.split(/[\\/]/).pop() ?? path;
  for (const param of params) {
    const [key = '', ...parts] = param.split('=');
    const paramValue = parts.join('=').replace(/^"(.*)"$/, '$1');
    if (key.trim() === 'type') contentType = paramValue;
    else if (key.trim() === 'filename') filename = paramValue;
    else return undefined;
  }
  return { kind: 'file', name, path, filename, contentType };
}

function finish(draft: Draft, pipeline: PipeStage[]): ParsedCommand {
  if (draft.urls.length === 0) return fail({ code: 'no-url' });
  if (draft.urls.length > 1) return fail({ code: 'several-urls' });
  // `{{baseUrl}}/orders`, as API collections write the server: the `<baseUrl>` variable.
  let url = (draft.urls[0] ?? '').replace(/^\{\{\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*\}\}/, '<$1>');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  // Like curl, a URL without a scheme is http.
  if (!scheme) url = `http://${url}`;
  else if (!/^https?$/i.test(scheme[1] ?? '')) return fail({ code: 'not-http', url });
  // curl expands `{a,b}` and `[1-3]` in URLs into several requests unless -g is given.
  if (!draft.flags.has('globoff') && /[{}[\]]/.test(url)) return fail({ code: 'url-glob', url });
  if (draft.form.length > 0 && (draft.data.length > 0 || draft.json.length > 0)) return fail({ code: 'data-and-form' });
  // `-I`: a HEAD request whose headers are the output.
  const head = draft.flags.has('head');
  return {
    ok: true,
    command: {
      method: draft.method ?? (head ? 'HEAD' : undefined),
      url,
      headers: draft.headers,
      data: draft.data,
      json: draft.json,
      form: draft.form,
      user: draft.user,
      get: draft.flags.has('get'),
      followRedirects: draft.flags.has('location'),
      insecure: draft.flags.has('insecure'),
      includeHeaders: draft.flags.has('include') || head,
      compressed: draft.flags.has('compressed'),
      maxTimeMs: draft.maxTimeMs,
      discardBody: draft.discardBody,
      writeOut: draft.writeOut,
      pipeline,
    },
  };
}

// One configuration for the editor and the CLI. Settings come in layers: the
// defaults, then `.readiness.json` (or the `readiness` key of package.json)
// found from the checklist's folder upward, then the VS Code settings the user
// actually set. The layers are plain objects shaped like the `readiness.*`
// settings; this module parses the configuration file's text (pure: the text
// comes in through the caller's file port), checks it, merges the layers and
// converts the result into the settings the analysis and the smoke runner use.
//
// To add a setting: declare it in package.json (contributes.configuration) with
// its package.nls*.json descriptions and in schemas/readiness.schema.json, add it
// here with its default and type check, use it where it applies, and list it in
// README.md's Configuration table.
// The ESM build: esbuild cannot follow the UMD build's dynamic requires.
import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser/lib/esm/main.js';
import { DEFAULT_MAX_SIZE } from './analyzer';
import { DEFAULT_MAX_PROBLEMS } from './findingsLimit';
import { defaultChecklistGlobs, defaultIgnoreGlobs } from './detect';
import { translator, type MessageKey, type Translate } from './messages';
import { defaultAnalysisSettings, STATE_WORD_KEYS, type AnalysisSettings, type StateWordKey } from './rules/rule';
import { DEFAULT_EVIDENCE_MAX_AGE_DAYS } from './rules/evidenceState';
import { defaultSmokeSettings, type SmokeSettings } from './smoke';
import type { FindingCode, Severity } from './types';

export interface ResourceSettings {
  readonly files: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
  /** The most diagnostics a document is given in the editor (`shownFindings`). */
  readonly maxProblems: number;
  readonly analysis: AnalysisSettings;
  /** `readiness.smoke.*`: where and how the document's curl smoke tests run. */
  readonly smoke: SmokeSettings;
  /** `header.bumpLastUpdated`: Readiness's own edits set "Última Actualización" to today. */
  readonly bumpLastUpdated: boolean;
  /** `environments`: named base URLs with their allowed hosts (`staging`, `canary`), in the order written. */
  readonly environments: Readonly<Record<string, SmokeEnvironmentSettings>>;
  /** `environment`: the current one's name, when one is chosen. */
  readonly environment: string | undefined;
}

/** One named environment: where the staging host is, and which other hosts its runs may call. */
export interface SmokeEnvironmentSettings {
  readonly baseUrl: string;
  readonly allowedHosts: readonly string[];
}

/**
 * The smoke settings of a run in an environment: its base URL, and its allowed hosts besides the
 * common ones. Undefined when no environment of that name is configured.
 */
export function inEnvironment(
  settings: ResourceSettings,
  name: string,
): (SmokeSettings & { readonly environment: string }) | undefined {
  const environment = Object.hasOwn(settings.environments, name) ? settings.environments[name] : undefined;
  if (!environment) return undefined;
  return {
    ...settings.smoke,
    baseUrl: environment.baseUrl,
    allowedHosts: [...new Set([...settings.smoke.allowedHosts, ...environment.allowedHosts])],
    environment: name,
  };
}

export const defaultSettings: ResourceSettings = {
  files: defaultChecklistGlobs,
  ignore: defaultIgnoreGlobs,
  maxFileSize: DEFAULT_MAX_SIZE,
  maxProblems: DEFAULT_MAX_PROBLEMS,
  analysis: defaultAnalysisSettings,
  smoke: defaultSmokeSettings,
  bumpLastUpdated: true,
  environments: {},
  environment: undefined,
};

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const FINDING_CODES: readonly FindingCode[] = [
  'unfilled-placeholder',
  'bracketed-value',
  'status-mismatch',
  'overdue',
  'unparsed-deadline',
  'mojibake',
  'missing-file',
  'secret',
  'skipped-large-file',
  'unknown-state',
  'structure',
  'stale-evidence',
  'edited-evidence',
  'stale-signoff',
];

/** Merges raw layers, later over earlier: objects key by key, everything else replaced. */
export function mergeLayers(...layers: readonly unknown[]): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  for (const layer of layers) merged = mergeTwo(merged, record(layer));
  return merged;
}

function mergeTwo(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined || value === null) continue;
    const current = out[key];
    out[key] = isRecord(value) && isRecord(current) ? mergeTwo(current, value) : value;
  }
  return out;
}

/** Converts a raw `readiness` object over the defaults, ignoring values of the wrong type. */
export function toSettings(raw: unknown): ResourceSettings {
  const value = record(raw);
  const severity = record(value['severity']);
  const severities: Partial<Record<FindingCode, Severity | 'off'>> = {};
  for (const code of FINDING_CODES) {
    const level = oneOf(severity[code], [...SEVERITIES, 'off' as const]);
    if (level !== undefined) severities[code] = level;
  }
  const stateWords: Partial<Record<StateWordKey, readonly string[]>> = {};
  for (const [key, words] of Object.entries(record(value['stateWords']))) {
    const list = stringArray(words);
    if (list && (STATE_WORD_KEYS as readonly string[]).includes(key)) stateWords[key as StateWordKey] = list;
  }
  const blockerMarks = stringArray(value['blockerMarks']);
  const smoke = toSmokeSettings(record(value['smoke']));
  const environments = toEnvironments(record(value['environments']));
  const environment =
    typeof value['environment'] === 'string' && value['environment'].trim() !== ''
      ? value['environment'].trim()
      : undefined;
  const current =
    environment !== undefined && Object.hasOwn(environments, environment) ? environments[environment] : undefined;
  const maxAgeDays = record(value['evidence'])['maxAgeDays'];
  return {
    files: stringArray(value['files']) ?? defaultSettings.files,
    ignore: stringArray(value['ignore']) ?? defaultSettings.ignore,
    maxFileSize:
      typeof value['maxFileSize'] === 'number' && value['maxFileSize'] >= 0
        ? value['maxFileSize']
        : defaultSettings.maxFileSize,
    maxProblems:
      typeof value['maxProblems'] === 'number' && Number.isInteger(value['maxProblems']) && value['maxProblems'] >= 1
        ? value['maxProblems']
        : defaultSettings.maxProblems,
    analysis: {
      placeholderSeverity: {
        blocker:
          oneOf(severity['placeholderInBlocker'], SEVERITIES) ?? defaultAnalysisSettings.placeholderSeverity.blocker,
        other: oneOf(severity['placeholder'], SEVERITIES) ?? defaultAnalysisSettings.placeholderSeverity.other,
      },
      secretsAllow: regexes(stringArray(record(value['secrets'])['allow']) ?? []),
      ...(Object.keys(severities).length > 0 ? { severities } : {}),
      ...(Object.keys(stateWords).length > 0 ? { stateWords } : {}),
      ...(blockerMarks ? { blockerMarks } : {}),
      evidence: {
        maxAgeDays:
          typeof maxAgeDays === 'number' && Number.isFinite(maxAgeDays) && maxAgeDays >= 0
            ? maxAgeDays
            : DEFAULT_EVIDENCE_MAX_AGE_DAYS,
        // Evidence is judged against where runs now go: the current environment's base URL, if one is chosen.
        baseUrl: current?.baseUrl ?? smoke.baseUrl,
      },
    },
    smoke,
    bumpLastUpdated: record(value['header'])['bumpLastUpdated'] !== false,
    environments,
    environment,
  };
}

/** `environments`: entries without an http(s) base URL are left out. */
function toEnvironments(raw: Record<string, unknown>): Record<string, SmokeEnvironmentSettings> {
  const out: Record<string, SmokeEnvironmentSettings> = {};
  for (const [name, value] of Object.entries(raw)) {
    const entry = record(value);
    const baseUrl = typeof entry['baseUrl'] === 'string' ? entry['baseUrl'].trim() : '';
    if (name.trim() === '' || !/^https?:\/\//i.test(baseUrl)) continue;
    out[name.trim()] = { baseUrl, allowedHosts: stringArray(entry['allowedHosts']) ?? [] };
  }
  return out;
}

/** `readiness.smoke.*`; an empty base URL means none (the client then asks for one). */
function toSmokeSettings(smoke: Record<string, unknown>): SmokeSettings {
  const baseUrl =
    typeof smoke['baseUrl'] === 'string' && smoke['baseUrl'].trim() !== '' ? smoke['baseUrl'].trim() : undefined;
  const timeoutMs = smoke['timeoutMs'];
  const captures = Object.entries(record(smoke['captures'])).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
  );
  return {
    ...defaultSmokeSettings,
    baseUrl,
    allowedHosts: stringArray(smoke['allowedHosts']) ?? defaultSmokeSettings.allowedHosts,
    timeoutMs:
      typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0
        ? timeoutMs
        : defaultSmokeSettings.timeoutMs,
    allowInsecureTls: smoke['allowInsecureTls'] === true,
    captures: captures.length > 0 ? Object.fromEntries(captures) : defaultSmokeSettings.captures,
  };
}

// ---------------------------------------------------------------------------
// The configuration file

/** The file name looked for in the checklist's folder and each folder above it. */
export const CONFIG_FILE_NAME = '.readiness.json';
/** A package.json with a `readiness` key counts when the folder has no `.readiness.json`. */
export const PACKAGE_FILE_NAME = 'package.json';

export interface ConfigProblem {
  readonly message: string;
  /** 0-based line and UTF-16 character of the offending text in the file. */
  readonly range: {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
  };
}

export interface ParsedConfig {
  /** The `readiness` settings the file holds, without the parts that were invalid; undefined when it holds none. */
  readonly raw: Record<string, unknown> | undefined;
  readonly problems: readonly ConfigProblem[];
}

/** What a value should have been, as a message key and its arguments; undefined when it is right. */
type Expected = readonly [MessageKey, ...string[]];
type Check = (value: unknown) => Expected | undefined;

const LEVELS = [...SEVERITIES, 'off'];
const isStringArray: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : ['config.expect.strings'];
const isSeverity: Check = (v) =>
  typeof v === 'string' && LEVELS.includes(v) ? undefined : ['config.expect.oneOf', LEVELS.join(', ')];
const isPositive: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : ['config.expect.positive'];
const isPositiveInteger: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 ? undefined : ['config.expect.positiveInteger'];
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : ['config.expect.boolean']);
const isString: Check = (v) => (typeof v === 'string' ? undefined : ['config.expect.string']);
const isStringMap: Check = (v) =>
  isRecord(v) && Object.values(v).every((x) => typeof x === 'string') ? undefined : ['config.expect.stringMap'];
/** `{ "staging": { "baseUrl": "https://...", "allowedHosts": [...] } }`. */
const isEnvironmentMap: Check = (v) =>
  isRecord(v) &&
  Object.values(v).every(
    (entry) =>
      isRecord(entry) &&
      typeof entry['baseUrl'] === 'string' &&
      /^https?:\/\//i.test(entry['baseUrl'].trim()) &&
      Object.keys(entry).every((key) => key === 'baseUrl' || key === 'allowedHosts') &&
      (entry['allowedHosts'] === undefined || isStringArray(entry['allowedHosts']) === undefined),
  )
    ? undefined
    : ['config.expect.environments'];
const isRegexList: Check = (v) => {
  const list = isStringArray(v);
  if (list) return list;
  const bad = (v as string[]).find((p) => {
    try {
      new RegExp(p, 'u');
      return false;
    } catch {
      return true;
    }
  });
  return bad === undefined ? undefined : ['config.expect.regexes', bad.slice(0, 40)];
};

/** Every setting the file may hold, by path, with its check. */
const SCHEMA: Readonly<Record<string, Check | Readonly<Record<string, Check>>>> = {
  $schema: isString,
  files: isStringArray,
  ignore: isStringArray,
  maxFileSize: (v) => (typeof v === 'number' && v >= 0 ? undefined : ['config.expect.characters']),
  maxProblems: isPositiveInteger,
  severity: {
    placeholder: isSeverity,
    placeholderInBlocker: isSeverity,
    ...Object.fromEntries(FINDING_CODES.map((code) => [code, isSeverity])),
  },
  stateWords: Object.fromEntries(STATE_WORD_KEYS.map((key) => [key, isStringArray])),
  blockerMarks: isStringArray,
  secrets: { allow: isRegexList },
  smoke: {
    baseUrl: isString,
    allowedHosts: isStringArray,
    timeoutMs: isPositive,
    allowInsecureTls: isBoolean,
    captures: isStringMap,
  },
  environments: isEnvironmentMap,
  environment: isString,
  sidebar: { revealOnCursor: isBoolean },
};

/**
 * Parses a configuration file's text: `.readiness.json` whole, or the `readiness` key of a
 * package.json. Comments and trailing commas are accepted. Syntax errors, unknown settings and
 * values of the wrong type are problems with their place; the valid settings are kept.
 */
export function parseConfigText(
  text: string,
  kind: 'readiness' | 'package',
  t: Translate = translator('en'),
): ParsedConfig {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: kind === 'package' });
  const at = positions(text);
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const message = first ? t('config.invalidJson', printParseErrorCode(first.error)) : t('config.empty');
    return {
      raw: undefined,
      problems: [{ message, range: { start: at(offset), end: at(offset + (first?.length ?? 0)) } }],
    };
  }
  const node = kind === 'package' ? findNodeAtLocation(root, ['readiness']) : root;
  if (!node) return { raw: undefined, problems: [] };
  if (node.type !== 'object') return { raw: undefined, problems: [problem(node, t('config.notObject'), at)] };
  const problems: ConfigProblem[] = [];
  const raw = checkObject(node, SCHEMA, [], problems, at, t);
  return { raw, problems };
}

function checkObject(
  node: Node,
  schema: Readonly<Record<string, Check | Readonly<Record<string, Check>>>>,
  path: string[],
  problems: ConfigProblem[],
  at: (offset: number) => Position,
  t: Translate,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const name = [...path, key].join('.');
    const rule = schema[key];
    if (rule === undefined) {
      problems.push(problem(keyNode, t('config.unknown', name), at));
      continue;
    }
    const value = nodeValue(valueNode);
    if (typeof rule === 'function') {
      const expected = rule(value);
      if (expected === undefined) out[key] = value;
      else problems.push(problem(valueNode, t('config.mustBe', name, t(...expected)), at));
    } else if (valueNode.type !== 'object') {
      problems.push(problem(valueNode, t('config.mustBe', name, t('config.expect.object')), at));
    } else {
      out[key] = checkObject(valueNode, rule, [...path, key], problems, at, t);
    }
  }
  return out;
}

function nodeValue(node: Node): unknown {
  if (node.type === 'object')
    return Object.fromEntries(
      (node.children ?? []).map((p) => [String(p.children?.[0]?.value), nodeValue(p.children?.[1] ?? p)]),
    );
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

interface Position {
  readonly line: number;
  readonly character: number;
}

function problem(node: Node, message: string, at: (offset: number) => Position): ConfigProblem {
  return { message, range: { start: at(node.offset), end: at(node.offset + node.length) } };
}

function positions(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let line = starts.length - 1;
    while (line > 0 && (starts[line] ?? 0) > offset) line--;
    return { line, character: offset - (starts[line] ?? 0) };
  };
}

// ---------------------------------------------------------------------------
// Finding the file

/** How the core reads configuration files: the Node adapters read the disk, tests read memory. */
export interface ConfigFilePort {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /** Is this folder a repository root (it holds `.git`)? The search stops there. */
  isRepositoryRoot(folder: string): Promise<boolean>;
}

export interface FoundConfig {
  /** The file the settings came from. */
  readonly path: string;
  readonly parsed: ParsedConfig;
}

/**
 * Looks for `.readiness.json`, then a package.json with a `readiness` key, in `folder` and each
 * folder above it, stopping after `stopAt` (the workspace folder), a repository root or the
 * file system root. Paths use `/` (a Windows drive letter is kept as the root).
 */
export async function findConfig(
  folder: string,
  port: ConfigFilePort,
  stopAt?: string,
  t?: Translate,
): Promise<FoundConfig | undefined> {
  let current = trimSlash(folder.replace(/\\/g, '/'));
  const stop = stopAt === undefined ? undefined : trimSlash(stopAt.replace(/\\/g, '/'));
  for (let depth = 0; depth < 64; depth++) {
    const own = await port.readText(join(current, CONFIG_FILE_NAME));
    if (own !== undefined)
      return { path: join(current, CONFIG_FILE_NAME), parsed: parseConfigText(own, 'readiness', t) };
    const pkg = await port.readText(join(current, PACKAGE_FILE_NAME));
    if (pkg !== undefined && pkg.includes('"readiness"') && mayHaveReadinessKey(pkg)) {
      const parsed = parseConfigText(pkg, 'package', t);
      if (parsed.raw !== undefined || parsed.problems.length > 0)
        return { path: join(current, PACKAGE_FILE_NAME), parsed };
    }
    const parent = parentOf(current);
    if (
      current === stop ||
      parent === undefined ||
      (stop !== undefined && !isInside(current, stop)) ||
      (await port.isRepositoryRoot(current))
    )
      return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * False for plain JSON without a top-level `readiness` key, as most package.json files are (one that only
 * names a "readiness" package or script): the full parse would find no configuration either, and costs
 * more on a large package.json than the native JSON.parse. Anything JSON.parse refuses gets the full parse.
 */
function mayHaveReadinessKey(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return true;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'readiness');
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') && !/^[A-Za-z]:\/$/.test(path) ? path.slice(0, -1) : path;
}

function join(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

function parentOf(path: string): string | undefined {
  const at = path.lastIndexOf('/');
  if (at < 0 || path === '/' || /^[A-Za-z]:\/?$/.test(path)) return undefined;
  if (at === 0) return '/';
  const parent = path.slice(0, at);
  return /^[A-Za-z]:$/.test(parent) ? `${parent}/` : parent;
}

function isInside(path: string, folder: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path === folder || path.startsWith(base);
}

// ---------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((g) => typeof g === 'string') ? value : undefined;
}

/** Compiles `secrets.allow`; a pattern that is not a valid regular expression is left out. */
function regexes(patterns: readonly string[]): RegExp[] {
  return patterns.flatMap((pattern) => {
    try {
      return [new RegExp(pattern, 'u')];
    } catch {
      return [];
    }
  });
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

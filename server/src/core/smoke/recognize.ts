// Finds the smoke tests of a checklist: in the fenced shell blocks of its items,
// each `$ curl ...` command (after an optional `# SMOKE TEST N: /path` banner)
// with the evidence fields that follow it up to the next test, filled or not,
// and the time criteria that apply to it.
import { lineBreakAt, lineEnd, LineIndex } from '../markdown/lines';
import type { Checklist, DocumentLanguage, Fence, Item } from '../model/checklist';
import { classifyPlaceholder, findPlaceholders } from '../placeholders';
import { range, type Range } from '../types';
import { criteriaFor, forbidsServerErrors, timeLimitIn, type TimeCriterion } from './criteria';
import { effectiveMethod, parseCurlCommand, type ParsedCommand } from './curl';
import { expectationField, expectationsOf, type Expectations } from './expectations';
import { parseNetCheck, type NetCheck, type ParsedCheck } from './netcheck';
import { mostCommonHost } from './hosts';
import { classifyLine, type LineKind } from './layout';

/** What identifies a test across edits: its banner and its command, and which of identical ones it is. */
export interface SmokeTestIdentity {
  readonly number: string | undefined;
  readonly path: string | undefined;
  /** The command with its whitespace collapsed. */
  readonly command: string;
  readonly occurrence: number;
}

export interface OutputSlot {
  /** Whole lines, from the first line's start to the last line's end. */
  readonly range: Range;
  readonly filled: boolean;
}

export interface ValueSlot {
  readonly label: string;
  /** From the value's start to the end of the line (empty at the end of `Label:`). */
  readonly valueRange: Range;
  readonly value: string;
  readonly filled: boolean;
}

export interface StatusSlot extends ValueSlot {
  /** The choices of the template (`✅ PASSED`, `❌ FAILED`), when still unfilled. */
  readonly options: readonly string[];
}

export interface TimeSlot extends ValueSlot {
  /** Just the number (or `[X]`) inside the value. */
  readonly numberRange: Range;
  readonly unit: 'ms' | 's';
  /** The value names no unit, so one is written after the number. */
  readonly addUnit: boolean;
}

export interface CaptureSlot extends ValueSlot {
  /** "SessionId" of "SessionId obtenido". */
  readonly subject: string;
}

export interface SecretNoteSlot extends ValueSlot {
  /** The secret's name: "LOG_TOKEN" of "LOG_TOKEN usado". */
  readonly secret: string;
}

export interface EvidenceSlots {
  readonly output: OutputSlot | undefined;
  readonly status: StatusSlot | undefined;
  readonly time: TimeSlot | undefined;
  readonly captures: readonly CaptureSlot[];
  readonly secretNotes: readonly SecretNoteSlot[];
}

export interface SmokeTest {
  /**
   * An opaque id made from the identity, for maps and messages between server and client: the
   * command (which may hold a secret) never goes on the wire, only this digest of it.
   */
  readonly key: string;
  readonly identity: SmokeTestIdentity;
  /** The banner's number, else the test's position in the document (1-based). */
  readonly number: string;
  readonly itemId: string;
  readonly method: string;
  /** The banner's path, else the URL's path. */
  readonly path: string;
  /** The command as one line, without the `$ ` prompt. */
  readonly command: string;
  /** The command as curl (wget and httpie are read as curl); `not-curl` for a redis-cli, nc or telnet check. */
  readonly parsed: ParsedCommand;
  /** A redis-cli, nc or telnet command, run over TCP instead of HTTP. */
  readonly check: ParsedCheck | undefined;
  readonly bannerLine: number | undefined;
  readonly commandRange: Range;
  /** From the banner (or command) to the last line of its evidence region. */
  readonly range: Range;
  readonly fenceRange: Range;
  readonly slots: EvidenceSlots;
  readonly criteria: readonly TimeCriterion[];
  /** The status and JSON keys its comments and evidence fields name (a capture field's subject is a key). */
  readonly expectations: Expectations;
}

export interface SmokeSuite {
  readonly tests: readonly SmokeTest[];
  /** The host most tests name (`staging-host`), which maps to the base URL. */
  readonly stagingHost: string | undefined;
  readonly language: DocumentLanguage;
  /** The document's line ending, for multi-line evidence. */
  readonly eol: '\n' | '\r\n' | '\r';
  /** Some item states "no 5xx responses". */
  readonly forbidsServerErrors: boolean;
}

export const SHELL_LANGS = new Set([
  '',
  'bash',
  'sh',
  'shell',
  'zsh',
  'console',
  'shell-session',
  'shellsession',
  'terminal',
]);

/**
 * The smoke tests of a checklist. With `wanted`, only the tests of the items it accepts are built
 * (the others are still counted, so numbers, identities and the staging host are those of the whole
 * document), which keeps the per-edit evidence checks to the items that need them.
 */
export function findSmokeTests(checklist: Checklist, text: string, wanted?: (item: Item) => boolean): SmokeSuite {
  const lines = new LineIndex(text);
  const tests: SmokeTest[] = [];
  const urls: string[] = [];
  /** How many tests so far had each identity (banner and command), for the occurrence of identical ones. */
  const seen = new Map<string, number>();
  let position = 0;
  let noServerErrors = false;
  for (const item of checklist.items) {
    const built = wanted?.(item) ?? true;
    const prose = built ? itemProse(item, lines) : [];
    const itemCriteria = prose.map(timeLimitIn).filter((c): c is TimeCriterion => c !== undefined);
    if (prose.some(forbidsServerErrors)) noServerErrors = true;
    const first = tests.length;
    for (const fence of item.fences) {
      if (!SHELL_LANGS.has(fence.lang.toLowerCase())) continue;
      for (const draft of testsInFence(fence)) {
        position++;
        const { identity, parsed } = identify(draft, seen);
        if (parsed.ok) urls.push(parsed.command.url);
        if (built) tests.push(finishTest(draft, item, itemCriteria, position, identity, parsed));
      }
    }
    // "Expected: 201" written under the fence speaks of the item's test when it has only one.
    const only = tests.length === first + 1 ? tests[first] : undefined;
    const status = only && !only.expectations.status ? proseStatus(prose) : undefined;
    if (only && status) tests[first] = { ...only, expectations: { ...only.expectations, status } };
  }
  return {
    tests,
    stagingHost: mostCommonHost(urls),
    language: checklist.language,
    eol: firstLineBreak(text),
    forbidsServerErrors: noServerErrors,
  };
}

/** The test whose banner, command or evidence covers a line. */
export function smokeTestAt(suite: SmokeSuite, line: number): SmokeTest | undefined {
  return suite.tests.find((t) => t.range.start.line <= line && line <= t.range.end.line);
}

/** Labels that name the status a test expects: "Expected", "Expected status", "Status esperado", "Código esperado". */
const STATUS_EXPECTATION =
  /^(?:expected|expect|esperad[oa]|(?:expected|esperad[oa])\s+(?:status|http status|response|result|code|c[oó]digo)|(?:status|estado http|c[oó]digo|respuesta|resultado)\s+esperad[oa])$/i;

/** The status an item's prose expects of its test ("**Expected:** 201 Created"), not a rate or a count ("500 rps"). */
function proseStatus(prose: readonly string[]): Expectations['status'] {
  for (const text of prose) {
    const kind = classifyLine(text.replace(/^\s*(?:[-*+]\s+)?/, '').replace(/\*\*|__/g, ''));
    if (kind.kind !== 'field' || kind.field !== 'expect' || !STATUS_EXPECTATION.test(kind.label.trim())) continue;
    if (
      !/^\s*(?:HTTP\s*)?[1-5]\d\d(?!\s*(?:rps|qps|ms|s|seg|req|requests|users|usuarios|MB|GB|KB)\b)(?:\s+\p{L}[\p{L} ]*)?\s*$/iu.test(
        kind.value,
      )
    )
      continue;
    const status = expectationField(kind.label, kind.value).status;
    if (status) return status;
  }
  return undefined;
}

/** The lines of an item outside its fences, where acceptance criteria are written. */
function itemProse(item: Item, lines: LineIndex): string[] {
  const inFence = (line: number) => item.fences.some((f) => f.range.start.line <= line && line <= f.range.end.line);
  const out: string[] = [];
  for (let line = item.range.start.line; line <= item.range.end.line && line < lines.lineCount; line++) {
    if (!inFence(line)) out.push(lines.lineText(line));
  }
  return out;
}

interface FenceLine {
  readonly line: number;
  readonly text: string;
  readonly kind: LineKind;
}

interface TestDraft {
  readonly fence: Fence;
  readonly banner: { line: number; number: string; path: string } | undefined;
  readonly commandLines: readonly FenceLine[];
  readonly region: readonly FenceLine[];
  /** The banner and comment lines that speak of this test: those above its command since the previous test's evidence, and those within its own evidence. */
  readonly comments: readonly string[];
}

function testsInFence(fence: Fence): TestDraft[] {
  const lines: FenceLine[] = fence.lines.map((l) => ({ ...l, kind: classifiedLine(l.text) }));
  const drafts: TestDraft[] = [];
  let banner: TestDraft['banner'];
  /** Banner and comment lines since the last evidence line: they lead into the next command. */
  let lead: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const current = lines[i];
    if (!current) break;
    if (current.kind.kind === 'banner') {
      banner = { line: current.line, number: current.kind.number, path: current.kind.path };
      lead.push(current.text);
      i++;
      continue;
    }
    if (current.kind.kind !== 'command') {
      if (current.kind.kind === 'comment') lead.push(current.text);
      else if (current.kind.kind !== 'blank') lead = [];
      i++;
      continue;
    }
    const commandLines = [current];
    // A trailing backslash continues the command on the next line, whatever that line looks like.
    while (commandLines[commandLines.length - 1]?.text.trimEnd().endsWith('\\') && i + 1 < lines.length) {
      const next = lines[++i];
      if (next) commandLines.push(next);
    }
    i++;
    const regionStart = i;
    while (i < lines.length && !['banner', 'command'].includes(lines[i]?.kind.kind ?? '')) i++;
    const region = lines.slice(regionStart, i);
    // Comments after the test's last evidence line lead into the next test, not this one.
    const last = region.findLastIndex((l) => l.kind.kind !== 'blank' && l.kind.kind !== 'comment');
    const own = region
      .slice(0, last + 1)
      .filter((l) => l.kind.kind === 'comment')
      .map((l) => l.text);
    if (current.kind.curl && !isTemplateCheck(joinCommand(commandLines)))
      drafts.push({ fence, banner, commandLines, region, comments: [...lead, ...own] });
    lead = region
      .slice(last + 1)
      .filter((l) => l.kind.kind === 'comment')
      .map((l) => l.text);
    banner = undefined;
  }
  return drafts;
}

/**
 * A redis-cli, nc or telnet command whose host or port is still a blank (`redis-cli -h [host] -p [port]
 * ping`) is part of the template, not a test yet: there is nothing to connect to until the owner fills
 * it in (the blank itself is reported as an unfilled placeholder). curl commands keep their staging host.
 */
export function isTemplateCheck(command: string): boolean {
  const parsed = parseNetCheck(command);
  return (
    parsed?.ok === true && [parsed.check.host, parsed.check.port].some((part) => findPlaceholders(part).length > 0)
  );
}

/** A test's identity (counting identical ones before it in `seen`) and its parsed command. */
function identify(draft: TestDraft, seen: Map<string, number>): { identity: SmokeTestIdentity; parsed: ParsedCommand } {
  const command = joinCommand(draft.commandLines);
  const normalized = command.replace(/\s+/g, ' ').trim();
  const base = { number: draft.banner?.number, path: draft.banner?.path || undefined, command: normalized };
  const baseKey = JSON.stringify([base.number ?? null, base.path ?? null, normalized]);
  const occurrence = seen.get(baseKey) ?? 0;
  seen.set(baseKey, occurrence + 1);
  return { identity: { ...base, occurrence }, parsed: parsedCommand(command) };
}

function finishTest(
  draft: TestDraft,
  item: Item,
  itemCriteria: readonly TimeCriterion[],
  position: number,
  identity: SmokeTestIdentity,
  parsed: ParsedCommand,
): SmokeTest {
  const first = draft.commandLines[0];
  const last = draft.commandLines[draft.commandLines.length - 1];
  const command = joinCommand(draft.commandLines);
  const slots = evidenceSlots(draft.region);
  const check = parseNetCheck(command);
  const path =
    draft.banner?.path || (parsed.ok ? urlPath(parsed.command.url) : check?.ok ? checkPath(check.check) : '');
  const inline = slots.time
    ? timeLimitIn(slots.time.value.slice(slots.time.numberRange.end.character - slots.time.valueRange.start.character))
    : undefined;
  const criteria = dedupe([...(inline ? [{ ...inline, path: undefined }] : []), ...criteriaFor(path, itemCriteria)]);
  const regionEnd = lastNonBlank(draft.region) ?? last;
  const startLine = draft.banner?.line ?? first?.line ?? 0;
  return {
    key: testKey(identity),
    identity,
    number: draft.banner?.number ?? String(position),
    itemId: item.id,
    method: parsed.ok
      ? effectiveMethod(parsed.command)
      : check?.ok
        ? check.check.kind === 'redis'
          ? 'REDIS'
          : 'TCP'
        : '?',
    path,
    command,
    parsed,
    check,
    bannerLine: draft.banner?.line,
    commandRange: range(first?.line ?? 0, 0, last?.line ?? 0, last?.text.length ?? 0),
    range: range(startLine, 0, regionEnd?.line ?? startLine, regionEnd?.text.length ?? 0),
    fenceRange: draft.fence.range,
    slots,
    criteria,
    expectations: expectationsOf(
      draft.comments,
      draft.region.flatMap((l) =>
        l.kind.kind === 'field' && l.kind.field === 'expect' ? [expectationField(l.kind.label, l.kind.value)] : [],
      ),
      slots.captures.map((c) => c.subject),
    ),
  };
}

/** Line kinds by text: fence lines repeat across tests and analyses, and classifying is pure. */
const lineKinds = new Map<string, LineKind>();

function classifiedLine(text: string): LineKind {
  let kind = lineKinds.get(text);
  if (!kind) {
    if (lineKinds.size >= 20_000) lineKinds.clear();
    kind = classifyLine(text);
    lineKinds.set(text, kind);
  }
  return kind;
}

/**
 * Parsed commands by their text: the tests are recognised again after every edit (for the evidence
 * checks), and parsing with shell-quote is the costly part; the same text always parses the same.
 */
const parsedCommands = new Map<string, ParsedCommand>();
const PARSED_COMMANDS_KEPT = 2000;

function parsedCommand(command: string): ParsedCommand {
  let parsed = parsedCommands.get(command);
  if (!parsed) {
    if (parsedCommands.size >= PARSED_COMMANDS_KEPT) parsedCommands.clear();
    parsed = parseCurlCommand(command);
    parsedCommands.set(command, parsed);
  }
  return parsed;
}

/** Joins continuation lines as the shell does (backslash-newline removed) and drops the prompt. */
function joinCommand(lines: readonly FenceLine[]): string {
  const first = lines[0];
  const head = first?.kind.kind === 'command' ? first.kind.text : (first?.text ?? '');
  const texts = [head, ...lines.slice(1).map((l) => l.text)];
  return texts.map((t, i) => (i < texts.length - 1 ? t.trimEnd().replace(/\\$/, '') : t)).join('');
}

/** What a check's row shows where an HTTP test shows its path: `PING`, `CONFIG GET maxmemory-policy`, `host:port`. */
function checkPath(check: NetCheck): string {
  return check.kind === 'redis' ? check.command.join(' ') : `${check.host}:${check.port}`;
}

function urlPath(url: string): string {
  const rest = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '');
  return rest.split(/[?#]/)[0] || '/';
}

function lastNonBlank(lines: readonly FenceLine[]): FenceLine | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line && line.kind.kind !== 'blank' && line.kind.kind !== 'comment') return line;
  }
  return undefined;
}

function dedupe(criteria: readonly TimeCriterion[]): TimeCriterion[] {
  const seen = new Set<number>();
  const out: TimeCriterion[] = [];
  for (const c of criteria) {
    if (seen.has(c.limitMs)) continue;
    seen.add(c.limitMs);
    out.push(c);
  }
  return out;
}

const TIME_VALUE = /^(\[[^\]]*\]|\d+(?:[.,]\d+)?)([ \t]*)(ms|s)?(?![A-Za-z])/;

function evidenceSlots(region: readonly FenceLine[]): EvidenceSlots {
  let output: OutputSlot | undefined;
  let status: StatusSlot | undefined;
  let time: TimeSlot | undefined;
  const captures: CaptureSlot[] = [];
  const secretNotes: SecretNoteSlot[] = [];

  const placeholderLine = region.find((l) => l.kind.kind === 'output-placeholder');
  if (placeholderLine)
    output = {
      range: range(placeholderLine.line, 0, placeholderLine.line, placeholderLine.text.length),
      filled: false,
    };
  else output = freeRun(region);

  for (const line of region) {
    const kind = line.kind;
    if (kind.kind !== 'field') continue;
    const valueRange = range(line.line, kind.valueStart, line.line, kind.valueEnd);
    const filled = findPlaceholders(kind.value).length === 0 && kind.value.trim() !== '';
    const slot: ValueSlot = { label: kind.label, valueRange, value: kind.value, filled };
    if (kind.field === 'status' && !status) {
      const choice = findPlaceholders(kind.value)[0];
      status = { ...slot, options: choice ? classifyPlaceholder(choice.text).options : [] };
    } else if (kind.field === 'time' && !time) {
      time = timeSlot(slot, line.line);
    } else if (kind.field === 'capture') {
      captures.push({ ...slot, subject: kind.subject });
    } else if (kind.field === 'secret-note') {
      secretNotes.push({ ...slot, secret: kind.subject });
    }
  }
  return { output, status, time, captures, secretNotes };
}

/** The first run of free lines: output pasted by an earlier run (or by hand). */
function freeRun(region: readonly FenceLine[]): OutputSlot | undefined {
  const start = region.findIndex((l) => l.kind.kind === 'free');
  if (start === -1) return undefined;
  let end = start;
  for (let i = start + 1; i < region.length; i++) {
    const kind = region[i]?.kind.kind;
    if (kind === 'free') end = i;
    else if (kind !== 'blank') break;
  }
  const first = region[start];
  const last = region[end];
  if (!first || !last) return undefined;
  return { range: range(first.line, 0, last.line, last.text.length), filled: true };
}

function timeSlot(slot: ValueSlot, line: number): TimeSlot {
  const start = slot.valueRange.start.character;
  const match = TIME_VALUE.exec(slot.value);
  if (!match) return { ...slot, numberRange: slot.valueRange, unit: 'ms', addUnit: true };
  const numberText = match[1] ?? '';
  return {
    ...slot,
    numberRange: range(line, start, line, start + numberText.length),
    unit: match[3] === 's' ? 's' : 'ms',
    addUnit: match[3] === undefined,
    filled: !numberText.startsWith('['),
  };
}

/**
 * The test's key: a 53-bit digest (cyrb53) of its identity, in base 36. Not for secrecy against
 * guessing, only so that no command text travels; a collision among one document's few tests is
 * negligible, and would make a run refuse ("the test changed") rather than run the wrong one.
 */
export function testKey(identity: SmokeTestIdentity): string {
  const text = JSON.stringify([identity.number ?? null, identity.path ?? null, identity.command, identity.occurrence]);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `t${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/** The document's line ending, as its first line break has it (`\n` when it has none). */
function firstLineBreak(text: string): '\n' | '\r\n' | '\r' {
  const at = lineEnd(text, 0);
  const length = lineBreakAt(text, at);
  return length === 2 ? '\r\n' : length === 1 && text[at] === '\r' ? '\r' : '\n';
}

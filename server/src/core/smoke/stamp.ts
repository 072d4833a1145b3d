// The provenance stamp Readiness writes beside each smoke test's evidence: one
// HTML comment per test, on the lines right after the shell block that holds
// the test (invisible when the markdown is rendered), saying when the test ran,
// against which host, with which runner, a digest of the command as written
// (variables by name, secrets masked) and of the evidence pasted, the HTTP
// status and the time taken:
//
//   <!-- readiness:evidence v1 test=2 ran=2026-12-03T10:00:00+01:00 host=staging.example.com runner=0.1.0
//        cmd=sha256:… status=200 ms=84 result=passed out=sha256:… -->   (on one line)
//
// Digests are SHA-256 (@noble/hashes: pure, synchronous, so the analysis stays
// a plain function of the text), in hex, cut to 16 characters. They detect
// edits, not forgery: anyone with the tool can compute them.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { LineIndex } from '../markdown/lines';
import { scanSecrets } from '../secrets';
import { range, type Range } from '../types';
import { subjectKey } from './captures';
import { isStagingHost, parseBaseUrl, writtenHost } from './hosts';
import type { SmokeSuite, SmokeTest } from './recognize';
import { MASK } from './redact';

export const STAMP_VERSION = 1;
const DIGEST_LENGTH = 16;

export interface EvidenceStamp {
  /** The test's number (its banner's, else its position), which ties the stamp to its test in the block. */
  readonly test: string;
  /** When the request was sent: ISO 8601 with the runner's UTC offset. */
  readonly ran: string;
  /** The host (and port, and base path) the request went to: `staging.example.com`, `127.0.0.1:4321/v2`. */
  readonly host: string | undefined;
  /** The environment's name, when the run had one. */
  readonly env: string | undefined;
  /** The Readiness version that ran it. */
  readonly runner: string;
  /** `sha256:<hex>` of the command as written (whitespace collapsed, secrets masked). */
  readonly cmd: string;
  readonly status: number | undefined;
  readonly ms: number | undefined;
  readonly result: 'passed' | 'failed';
  /** `sha256:<hex>` of the evidence pasted: the output and the status, time, captured and secret-note fields. */
  readonly out: string;
}

/** A stamp of a format this version cannot read still names its test, when it says `test=N`. */
export type ParsedStamp =
  | { readonly ok: true; readonly stamp: EvidenceStamp }
  | { readonly ok: false; readonly version: string; readonly test: string | undefined };

const STAMP_LINE = /^[ \t]*(?:>[ \t]?)*<!--[ \t]*readiness:evidence[ \t]+v(\d+)\b(.*?)-->[ \t]*$/;
const TOKEN = /^[^\s=]+=[^\s]*$/;

/** Whether a line holds an evidence stamp (of any version). */
export const isStampLine = (line: string): boolean => STAMP_LINE.test(line);

export function formatStamp(stamp: EvidenceStamp): string {
  const fields: [string, string | number | undefined][] = [
    ['test', stamp.test],
    ['ran', stamp.ran],
    ['host', stamp.host],
    ['env', stamp.env],
    ['runner', stamp.runner],
    ['cmd', stamp.cmd],
    ['status', stamp.status],
    ['ms', stamp.ms],
    ['result', stamp.result],
    ['out', stamp.out],
  ];
  const body = fields
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeValue(String(value))}`);
  return `<!-- readiness:evidence v${STAMP_VERSION} ${body.join(' ')} -->`;
}

/** A stamp line read back; a newer format than this version reads is `{ ok: false }`. Undefined: not a stamp, or a damaged one. */
export function parseStamp(line: string): ParsedStamp | undefined {
  const match = STAMP_LINE.exec(line);
  if (!match) return undefined;
  const version = match[1] ?? '';
  if (Number(version) !== STAMP_VERSION)
    return { ok: false, version: `v${version}`, test: /(?:^|\s)test=(\S+)/.exec(match[2] ?? '')?.[1] };
  const values = new Map<string, string>();
  for (const token of (match[2] ?? '').trim().split(/\s+/)) {
    if (token === '') continue;
    if (!TOKEN.test(token)) return undefined;
    const at = token.indexOf('=');
    values.set(token.slice(0, at), decodeValue(token.slice(at + 1)));
  }
  const test = values.get('test');
  const ran = values.get('ran');
  const cmd = values.get('cmd');
  const out = values.get('out');
  const result = values.get('result');
  if (!test || !ran || !isDigest(cmd) || !isDigest(out) || Number.isNaN(Date.parse(ran))) return undefined;
  return {
    ok: true,
    stamp: {
      test,
      ran,
      host: values.get('host'),
      env: values.get('env'),
      runner: values.get('runner') ?? '',
      cmd,
      status: numberOf(values.get('status')),
      ms: numberOf(values.get('ms')),
      result: result === 'failed' ? 'failed' : 'passed',
      out,
    },
  };
}

function isDigest(value: string | undefined): value is string {
  return value !== undefined && /^sha256:[0-9a-f]{16,64}$/.test(value);
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+(?:\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

/** Values never hold spaces or `--`: percent-encoded (an environment named "pre prod"). */
function encodeValue(value: string): string {
  return value.replace(/[%\s]|-(?=-)|[<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `sha256:` and the first 16 hex digits of the SHA-256 of the text's UTF-8 bytes. */
export function digestOf(text: string): string {
  return `sha256:${bytesToHex(sha256(new TextEncoder().encode(text))).slice(0, DIGEST_LENGTH)}`;
}

/** Whether two digests agree, whatever length each was cut to (at least 16). */
export function sameDigest(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return length >= 'sha256:'.length + DIGEST_LENGTH && a.slice(0, length) === b.slice(0, length);
}

/**
 * The command as the stamp's digest sees it: whitespace collapsed (so reflowing the
 * continuation lines changes nothing), and anything that looks like a secret masked
 * (a value pasted into a header), so that a digest never stands for a secret.
 */
export function canonicalCommand(test: SmokeTest): string {
  const command = test.identity.command;
  let out = command;
  for (const match of [...scanSecrets(command)].sort((a, b) => b.start - a.start))
    out = out.slice(0, match.start) + MASK + out.slice(match.end);
  return out;
}

export const commandDigest = (test: SmokeTest): string => digestOf(canonicalCommand(test));

/**
 * The evidence of a test as its digest sees it: the output lines and the values of its
 * fields, each line without trailing blanks and line ends normalised, so a save that
 * trims trailing whitespace or a checkout with CRLF line ends changes nothing.
 */
export function canonicalEvidence(test: SmokeTest, lines: LineIndex): string {
  const parts: string[] = [];
  const { output, status, time, captures, secretNotes } = test.slots;
  if (output?.filled) {
    const outputLines: string[] = [];
    for (let line = output.range.start.line; line <= output.range.end.line; line++)
      outputLines.push(lines.lineText(line).trimEnd());
    while (outputLines.at(-1) === '') outputLines.pop();
    parts.push('output', ...outputLines);
  }
  if (status) parts.push('status', status.value.trim());
  if (time) parts.push('time', time.value.trim());
  for (const slot of captures) parts.push(`capture:${subjectKey(slot.subject)}`, slot.value.trim());
  for (const slot of secretNotes) parts.push(`secret-note:${slot.secret}`, slot.value.trim());
  return parts.join('\n');
}

export const evidenceDigest = (test: SmokeTest, lines: LineIndex): string => digestOf(canonicalEvidence(test, lines));

/** A stamp found in the document, with the test it belongs to. */
export interface PlacedStamp {
  readonly parsed: ParsedStamp;
  readonly line: number;
  readonly range: Range;
}

export interface StampRegion {
  /** The line of the block's closing fence. */
  readonly fenceEnd: number;
  /** The last line of the stamps after it (the closing fence's line when there are none). */
  readonly end: number;
  readonly stamps: readonly PlacedStamp[];
}

const CLOSING_FENCE = /^[ \t]*(?:>[ \t]?)*(?:`{3,}|~{3,})[ \t]*$/;

/** The stamps that follow a test's block (blank lines between them allowed), or undefined when the block is not closed. */
export function regionAfter(fenceRange: Range, lines: LineIndex): StampRegion | undefined {
  const fenceEnd = fenceRange.end.line;
  if (fenceEnd <= fenceRange.start.line || !CLOSING_FENCE.test(lines.lineText(fenceEnd))) return undefined;
  const stamps: PlacedStamp[] = [];
  let end = fenceEnd;
  for (let line = fenceEnd + 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '') continue;
    const parsed = isStampLine(text) ? parseStamp(text) : undefined;
    if (!isStampLine(text)) break;
    end = line;
    // A damaged stamp is still one of ours: it is replaced by the next run, and reads as no stamp until then.
    if (parsed) stamps.push({ parsed, line, range: range(line, 0, line, text.length) });
  }
  return { fenceEnd, end, stamps };
}

/** Each test's stamp, by test key: the n-th stamp numbered like the test after its block is the n-th such test of the block. */
export function stampsOf(suite: SmokeSuite, lines: LineIndex): Map<string, PlacedStamp> {
  const out = new Map<string, PlacedStamp>();
  for (const [, tests] of byFence(suite)) {
    const region = regionAfter(tests[0]?.fenceRange ?? range(0, 0, 0, 0), lines);
    if (!region) continue;
    const used = new Set<PlacedStamp>();
    for (const test of tests) {
      const stamp = region.stamps.find((s) => !used.has(s) && stampTest(s) === test.number);
      if (!stamp) continue;
      used.add(stamp);
      out.set(test.key, stamp);
    }
  }
  return out;
}

function stampTest(stamp: PlacedStamp): string | undefined {
  return stamp.parsed.ok ? stamp.parsed.stamp.test : stamp.parsed.test;
}

export function byFence(suite: SmokeSuite): Map<number, SmokeTest[]> {
  const fences = new Map<number, SmokeTest[]>();
  for (const test of suite.tests)
    fences.set(test.fenceRange.start.line, [...(fences.get(test.fenceRange.start.line) ?? []), test]);
  return fences;
}

/** What a run knows about itself, for its stamps. */
export interface StampContext {
  /** The Readiness version. */
  readonly runner: string;
  /** The base URL the staging host stood for. */
  readonly baseUrl: string | undefined;
  readonly environment?: string | undefined;
}

/** Where a test's requests went: the base URL's host and path for the staging host, else the host as written. */
export function targetOf(
  test: SmokeTest,
  stagingHost: string | undefined,
  baseUrl: string | undefined,
): string | undefined {
  if (!test.parsed.ok) return undefined;
  const host = writtenHost(test.parsed.command.url);
  if (!isStagingHost(host, stagingHost)) return host || undefined;
  const base = parseBaseUrl(baseUrl);
  return base.ok ? base.host + base.pathPrefix : undefined;
}

/** `2026-12-03T10:00:00+01:00`: the moment with the runner's offset from UTC (minutes east). */
export function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

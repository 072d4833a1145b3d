// `readiness verify`: what changed between the evidence pasted in the document
// and a fresh run of the same test. Compared: the HTTP status, the verdict
// (criteria such as "<2s" included) and the shape of a JSON response (its keys
// and the types of their values, never the values: session ids and timestamps
// differ on every run).
import type { LineIndex } from '../markdown/lines';
import { describeReason } from './reasons';
import type { SmokeTest } from './recognize';
import type { SmokeResult } from './runner';
import type { EvidenceStamp } from './stamp';

export type Shape =
  | { readonly kind: 'null' | 'boolean' | 'number' | 'string' }
  | { readonly kind: 'array'; readonly element: Shape | undefined }
  | { readonly kind: 'object'; readonly keys: ReadonlyMap<string, Shape> };

/** The shape of a JSON value; an array's elements are merged into one shape (objects: the union of their keys). */
export function shapeOf(value: unknown): Shape {
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value))
    return {
      kind: 'array',
      element: value.map(shapeOf).reduce<Shape | undefined>((a, b) => (a ? merge(a, b) : b), undefined),
    };
  if (typeof value === 'object')
    return {
      kind: 'object',
      keys: new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v)])),
    };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'string') return { kind: 'string' };
  return { kind: 'null' };
}

function merge(a: Shape, b: Shape): Shape {
  if (a.kind === 'object' && b.kind === 'object') {
    const keys = new Map(a.keys);
    for (const [k, v] of b.keys) keys.set(k, keys.has(k) ? merge(keys.get(k) ?? v, v) : v);
    return { kind: 'object', keys };
  }
  if (a.kind === 'array' && b.kind === 'array')
    return { kind: 'array', element: a.element && b.element ? merge(a.element, b.element) : (a.element ?? b.element) };
  return a;
}

export function shapeName(shape: Shape): string {
  return shape.kind === 'array' ? `array${shape.element ? ` of ${shapeName(shape.element)}` : ''}` : shape.kind;
}

/** The differences from `before` to `after`, one line each: `added .uptime (number)`, `.version: string → number`. */
export function shapeDifferences(before: Shape, after: Shape, path = ''): string[] {
  const where = path === '' ? '(the response)' : path;
  if (before.kind !== after.kind) return [`${where}: ${shapeName(before)} → ${shapeName(after)}`];
  if (before.kind === 'object' && after.kind === 'object') {
    const out: string[] = [];
    for (const [key, shape] of before.keys) {
      const next = after.keys.get(key);
      if (next === undefined) out.push(`removed ${path}.${key} (${shapeName(shape)})`);
      else out.push(...shapeDifferences(shape, next, `${path}.${key}`));
    }
    for (const [key, shape] of after.keys)
      if (!before.keys.has(key)) out.push(`added ${path}.${key} (${shapeName(shape)})`);
    return out;
  }
  if (before.kind === 'array' && after.kind === 'array' && before.element && after.element)
    return shapeDifferences(before.element, after.element, `${path}[]`);
  return [];
}

/** The JSON value a run of output lines holds (pretty JSON after `| jq`), or undefined. */
export function jsonOf(lines: readonly string[]): unknown {
  const text = lines.join('\n').trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What the document claims for a test. */
export interface PastedEvidence {
  readonly outputLines: readonly string[];
  /** The HTTP status: the stamp's, else an `HTTP 500 ...` heading of the output; undefined when not known. */
  readonly status: number | undefined;
  /** From the status field (✅ PASSED / ❌ FAILED) or the stamp. */
  readonly passed: boolean | undefined;
}

const PASSED = /✅|\bPASS(?:ED)?\b|\bOK\b|ÉXITO|EXITO/iu;
const FAILED = /❌|\bFAIL(?:ED|URE)?\b|\bFALL(?:[OÓ]|IDO|IDA)\b/iu;
const STATUS_HEADING = /^\s*HTTP (\d{3})\b/;

export function pastedEvidence(
  test: SmokeTest,
  lines: LineIndex,
  stamp: EvidenceStamp | undefined,
): PastedEvidence | undefined {
  const { output, status } = test.slots;
  const outputLines: string[] = [];
  if (output?.filled)
    for (let line = output.range.start.line; line <= output.range.end.line; line++)
      outputLines.push(lines.lineText(line));
  const statusValue = status?.filled ? status.value : undefined;
  if (outputLines.length === 0 && statusValue === undefined) return undefined;
  const heading = STATUS_HEADING.exec(outputLines[0] ?? '');
  const passed =
    statusValue !== undefined && FAILED.test(statusValue)
      ? false
      : statusValue !== undefined && PASSED.test(statusValue)
        ? true
        : stamp
          ? stamp.result === 'passed'
          : undefined;
  return { outputLines, status: stamp?.status ?? (heading ? Number(heading[1]) : undefined), passed };
}

export type Verification =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'drift'; readonly differences: readonly string[] }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string };

/** Compares a fresh result with the pasted evidence (already redacted: the result's texts are). */
export function verifyResult(
  pasted: PastedEvidence | undefined,
  result: SmokeResult,
  language: 'en' | 'es' = 'en',
): Verification {
  if (!pasted) return { kind: 'skipped', reason: 'no evidence pasted in the document' };
  if (result.outcome === 'not-run' || result.outcome === 'cancelled' || !result.evidence) {
    return {
      kind: 'error',
      reason: result.reasons.map((r) => describeReason(r, language)).join('; ') || result.outcome,
    };
  }
  const differences: string[] = [];
  const nowStatus = result.status;
  if (pasted.status !== undefined && pasted.status !== nowStatus)
    differences.push(`status ${pasted.status} → ${nowStatus ?? 'no response'}`);
  const nowPassed = result.outcome === 'passed';
  if (pasted.passed !== undefined && pasted.passed !== nowPassed) {
    const why = result.reasons.map((r) => describeReason(r, language)).join('; ');
    differences.push(
      `${pasted.passed ? 'PASSED' : 'FAILED'} → ${nowPassed ? 'PASSED' : 'FAILED'}${why ? ` (${why})` : ''}`,
    );
  }
  const before = jsonOf(pasted.outputLines);
  const after = jsonOf(result.evidence.outputLines);
  if (before !== undefined && after !== undefined)
    differences.push(...shapeDifferences(shapeOf(before), shapeOf(after)).map((d) => `shape: ${d}`));
  else if (before !== undefined && nowStatus !== undefined) differences.push('shape: the response is no longer JSON');
  return differences.length === 0 ? { kind: 'unchanged' } : { kind: 'drift', differences };
}

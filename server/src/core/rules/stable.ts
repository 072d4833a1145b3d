// Findings keep their identity from one analysis to the next when they are made
// again with the same content, so what the server built from them (diagnostics,
// their JSON) is reused. A finding's range is, in most rules, an object of a
// placed block, which the analyzer keeps while the block neither changes nor
// moves: it anchors the finding.
import type { Finding, Range } from '../types';

const byRange = new WeakMap<Range, Finding[]>();

export function stableFinding(finding: Finding): Finding {
  const made = byRange.get(finding.range);
  const same = made?.find((f) => f === finding || sameFinding(f, finding));
  if (same) return same;
  byRange.set(finding.range, [...(made ?? []).slice(-3), finding]);
  return finding;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.code === b.code && a.severity === b.severity && a.message === b.message && sameData(a.data, b.data);
}

function sameData(a: Finding['data'], b: Finding['data']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

// Fixture documents mark the findings they expect at the end of the line that
// holds them: `... <!-- expect: code code -->`, one code per finding.
import type { Finding } from '../../server/src/core/types';

const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/;

/** Codes expected on each 0-based line, sorted. */
export function expectedFindings(text: string): Map<number, string[]> {
  const expected = new Map<number, string[]>();
  text.split('\n').forEach((line, index) => {
    const marker = MARKER.exec(line);
    if (marker) expected.set(index, (marker[1] ?? '').split(/\s+/).filter(Boolean).sort());
  });
  return expected;
}

/** Codes found on each 0-based line, sorted, in the same shape as expectedFindings. */
export function actualFindings(findings: readonly Finding[]): Map<number, string[]> {
  const actual = new Map<number, string[]>();
  for (const f of findings) actual.set(f.range.start.line, [...(actual.get(f.range.start.line) ?? []), f.code].sort());
  return actual;
}

export const sortedEntries = (map: Map<number, string[]>): [number, string[]][] =>
  [...map.entries()].sort((a, b) => a[0] - b[0]);

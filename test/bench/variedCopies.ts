// A repository-sized folder for the CLI bench: copies of the sample checklist, each
// with a different, seeded third of its blanks filled in.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { sampleText } from '../support/paths';

/** A small deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLERS = [
  'https://github.com/acme/app/pull/4812',
  '2025-12-05 14:30',
  '✅ PASSED',
  '42',
  '@maria',
  'docs/runbook.md',
  'OK, 183 ms',
  'Ana García',
];

/** The sample with a random third of its blanks (placeholders) filled. */
export function variedCopy(seed: number, text = sampleText()): string {
  const random = seeded(seed);
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offsetAt = (p: { line: number; character: number }) => (starts[p.line] ?? 0) + p.character;
  const blanks = new ChecklistAnalyzer()
    .analyze(text)
    .checklist.items.flatMap((item) => item.placeholders)
    .map((p) => ({ start: offsetAt(p.range.start), end: offsetAt(p.range.end) }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const blank of blanks) {
    if (random() >= 1 / 3) continue;
    const filler = FILLERS[Math.floor(random() * FILLERS.length)] ?? 'done';
    result = result.slice(0, blank.start) + filler + result.slice(blank.end);
  }
  return result;
}

/** A temporary folder with `count` varied copies in a few sub-folders, plus a README that is not a checklist; returns its path. */
export function variedFolder(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'readiness-bench-'));
  for (let i = 0; i < count; i++) {
    const sub = join(folder, `team-${i % 10}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `release-${String(i).padStart(3, '0')}-ENTREGABLES.md`), variedCopy(i + 1));
  }
  writeFileSync(join(folder, 'README.md'), '# Releases\n\nOne checklist per release, under team-*/.\n');
  return folder;
}

// The checklist corpus (test/fixtures/corpus: documents written for these tests, each with a
// `name.expect.json` beside it) and ordinary markdown found in node_modules, scored the way
// issue 12 asks: recognition, check recall, done and blocker accuracy, blank recall, false alarms.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultChecklistGlobs, isChecklist } from '../../server/src/core/detect';
import { fixtures, repoRoot } from './paths';
import { analysisOf } from './analyses';

interface Count {
  readonly total: number;
  readonly done: number;
}

export interface Expectation {
  readonly isChecklist: boolean;
  /** Every slot filled in: findings here are false alarms. */
  readonly filled?: boolean;
  readonly today?: string;
  readonly items?: Count;
  readonly checks?: Count;
  readonly blockers?: Count;
  /** Blanks still to fill in (`unfilled-placeholder` findings). */
  readonly blanks?: number;
  /** Other finding codes expected, one per finding. */
  readonly codes?: readonly string[];
}

export interface CorpusDocument {
  readonly name: string;
  readonly text: string;
  readonly expect: Expectation;
}

export interface DocumentResult {
  readonly name: string;
  readonly expect: Expectation;
  readonly recognised: boolean;
  readonly items: Count;
  readonly checks: Count;
  readonly blockers: Count;
  readonly blanks: number;
  /** Findings no expectation accounts for. */
  readonly falseAlarms: readonly string[];
  /** Expected codes not found. */
  readonly missed: readonly string[];
}

export const corpusFolder = join(fixtures, 'corpus');

export function corpusDocuments(): CorpusDocument[] {
  return readdirSync(corpusFolder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({
      name,
      text: readFileSync(join(corpusFolder, name), 'utf8'),
      expect: JSON.parse(
        readFileSync(join(corpusFolder, name.replace(/\.md$/, '.expect.json')), 'utf8'),
      ) as Expectation,
    }));
}

const NONE: Count = { total: 0, done: 0 };

/** Recognition by content only: every document is read under a neutral name. */
export function scoreDocument(doc: CorpusDocument): DocumentResult {
  const recognised = isChecklist('doc.md', doc.text, defaultChecklistGlobs);
  const analysis = analysisOf(doc.text, { today: doc.expect.today });
  const progress = analysis.progress;
  const blanks = analysis.findings.filter((f) => f.code === 'unfilled-placeholder').length;
  const expected = new Map<string, number>();
  for (const code of doc.expect.codes ?? []) expected.set(code, (expected.get(code) ?? 0) + 1);
  expected.set('unfilled-placeholder', doc.expect.blanks ?? 0);
  const falseAlarms: string[] = [];
  for (const f of analysis.findings) {
    const left = expected.get(f.code) ?? 0;
    if (left > 0) expected.set(f.code, left - 1);
    else falseAlarms.push(`${f.range.start.line + 1}: ${f.code} ${f.message}`);
  }
  const missed = [...expected].filter(([code, n]) => code !== 'unfilled-placeholder' && n > 0).map(([code]) => code);
  return {
    name: doc.name,
    expect: doc.expect,
    recognised,
    items: progress.items,
    checks: progress.checks ?? NONE,
    blockers: progress.blockers,
    blanks,
    falseAlarms,
    missed,
  };
}

/** README and CHANGELOG files of the installed packages, in a stable order. */
export function ordinaryMarkdown(limit = 2000): { readonly path: string; readonly text: string }[] {
  const root = join(repoRoot, 'node_modules');
  const packages: string[] = [];
  for (const name of readdirSync(root).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(join(root, name)).sort()) packages.push(join(name, sub));
    else packages.push(name);
  }
  const found: { path: string; text: string }[] = [];
  for (const pkg of packages) {
    let names: string[];
    try {
      names = readdirSync(join(root, pkg));
    } catch {
      continue;
    }
    for (const file of names.filter((n) => /^(readme|changelog|history)\.(md|markdown)$/i.test(n)).sort()) {
      const path = join(root, pkg, file);
      if (statSync(path).size > 1_000_000) continue;
      found.push({ path: join('node_modules', pkg, file), text: readFileSync(path, 'utf8') });
      if (found.length >= limit) return found;
    }
  }
  return found;
}

export interface CorpusMetrics {
  readonly checklists: number;
  readonly recognition: number;
  readonly checkRecall: number;
  readonly doneAccuracy: number;
  readonly blockerAccuracy: number;
  readonly itemAccuracy: number;
  readonly blankRecall: number;
  /** Blanks found that the expectations count, over all blanks found. */
  readonly blankPrecision: number;
  readonly falseAlarmsPerFilled: number;
  readonly ordinary: number;
  readonly falseRecognition: number;
  readonly results: readonly DocumentResult[];
  readonly falselyRecognised: readonly string[];
}

const same = (a: Count | undefined, b: Count): boolean => a === undefined || (a.total === b.total && a.done === b.done);

export function corpusMetrics(): CorpusMetrics {
  const results = corpusDocuments().map(scoreDocument);
  const checklists = results.filter((r) => r.expect.isChecklist);
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  const expectedChecks = checklists.reduce((sum, r) => sum + (r.expect.checks?.total ?? 0), 0);
  const foundChecks = checklists.reduce((sum, r) => sum + Math.min(r.checks.total, r.expect.checks?.total ?? 0), 0);
  const expectedBlanks = checklists.reduce((sum, r) => sum + (r.expect.blanks ?? 0), 0);
  const foundBlanks = checklists.reduce((sum, r) => sum + Math.min(r.blanks, r.expect.blanks ?? 0), 0);
  const reportedBlanks = checklists.reduce((sum, r) => sum + r.blanks, 0);
  const filled = checklists.filter((r) => r.expect.filled === true);
  const ordinary = ordinaryMarkdown();
  const falselyRecognised = ordinary
    .filter((doc) => isChecklist('doc.md', doc.text, defaultChecklistGlobs))
    .map((doc) => doc.path);
  return {
    checklists: checklists.length,
    recognition: ratio(results.filter((r) => r.recognised === r.expect.isChecklist).length, results.length),
    checkRecall: ratio(foundChecks, expectedChecks),
    doneAccuracy: ratio(
      checklists.filter((r) => same(r.expect.checks, r.checks) && r.expect.items?.done === r.items.done).length,
      checklists.length,
    ),
    blockerAccuracy: ratio(checklists.filter((r) => same(r.expect.blockers, r.blockers)).length, checklists.length),
    itemAccuracy: ratio(checklists.filter((r) => r.expect.items?.total === r.items.total).length, checklists.length),
    blankRecall: ratio(foundBlanks, expectedBlanks),
    blankPrecision: ratio(foundBlanks, reportedBlanks),
    falseAlarmsPerFilled: ratio(
      filled.reduce((sum, r) => sum + r.falseAlarms.length, 0),
      filled.length,
    ),
    ordinary: ordinary.length,
    falseRecognition: ratio(falselyRecognised.length, ordinary.length),
    results,
    falselyRecognised,
  };
}

export function metricsReport(m: CorpusMetrics): string[] {
  const f = (x: number) => x.toFixed(3);
  return [
    `recognition ${f(m.recognition)} (${m.results.length} corpus documents, ${m.checklists} checklists)`,
    `check recall ${f(m.checkRecall)}`,
    `done accuracy ${f(m.doneAccuracy)}`,
    `blocker accuracy ${f(m.blockerAccuracy)}`,
    `item accuracy ${f(m.itemAccuracy)}`,
    `blank recall ${f(m.blankRecall)}, precision ${f(m.blankPrecision)}`,
    `false alarms per filled document ${m.falseAlarmsPerFilled.toFixed(2)}`,
    `false recognition ${(m.falseRecognition * 100).toFixed(2)} % of ${m.ordinary} ordinary markdown files`,
  ];
}

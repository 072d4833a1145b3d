// The entry point of the core: analyses one document's text into its checklist
// model and findings. An analyzer belongs to one document and keeps the facts of
// each block from its previous run, so after an edit only the blocks whose text
// changed are parsed again.
import { splitBlocks, type Block } from './markdown/blocks';
import { LineIndex } from './markdown/lines';
import { translator } from './messages';
import { buildChecklist, placeBlock, type PlacedBlock } from './model/build';
import { emptyChecklist, progressOf, type Checklist, type Progress } from './model/checklist';
import { extractAllFacts, extractFacts, type BlockFacts } from './model/facts';
import { analyzeEvidence, defaultEvidenceSettings, type TestEvidenceRecord } from './rules/evidenceState';
import { headerFindings } from './rules/headerStatus';
import { createModelRules } from './rules/registry';
import { defaultAnalysisSettings, type AnalysisSettings, type RuleContext } from './rules/rule';
import { SignOffScanner, type SignOff } from './rules/signoffs';
import { stableFinding } from './rules/stable';
import { range, type Finding } from './types';

export interface AnalysisOptions {
  readonly locale?: string | undefined;
  /** Documents longer than this many UTF-16 code units are not analysed. */
  readonly maxSize?: number | undefined;
  readonly settings?: AnalysisSettings | undefined;
  /** Today's date (`YYYY-MM-DD`) for the overdue check; omitted, no item is overdue. */
  readonly today?: string | undefined;
}

export interface Analysis {
  readonly checklist: Checklist;
  readonly progress: Progress;
  readonly findings: readonly Finding[];
  /**
   * The evidence of the smoke tests the diagnostics look at (those of items with stamps or marked done):
   * stamped or by hand, and whether the stamp still holds. `allEvidence` gives every test's.
   */
  readonly evidence: readonly TestEvidenceRecord[];
  /** Sign-off lines (`Firma: [Nombre] - [Fecha]`), with the evidence each covers. */
  readonly signOffs: readonly SignOff[];
}

export const DEFAULT_MAX_SIZE = 5_000_000;

export class ChecklistAnalyzer {
  /** Facts by block text: a block that moved is not parsed again. */
  private facts = new Map<string, BlockFacts>();
  /** Placed blocks by start line, with their text: a block that neither changed nor moved costs nothing. */
  private placed = new Map<number, { readonly text: string; readonly block: PlacedBlock }>();
  /** This analyzer's instances of the model rules (the secret scanner keeps a cache per block). */
  private readonly rules = createModelRules();
  private readonly signOffs = new SignOffScanner();

  analyze(text: string, options: AnalysisOptions = {}): Analysis {
    const t = translator(options.locale);
    const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
    if (text.length > maxSize) {
      this.facts.clear();
      this.placed.clear();
      return skipped(text, t('file.tooLarge', megabytes(text.length), megabytes(maxSize)));
    }
    const split = splitBlocks(text);
    const nextFacts = this.parseWholeWhenMostlyNew(text, split);
    const nextPlaced: typeof this.placed = new Map();
    const blocks = split.map((block) => {
      const facts = nextFacts.get(block.text) ?? this.facts.get(block.text) ?? extractFacts(block.text);
      nextFacts.set(block.text, facts);
      const previous = this.placed.get(block.startLine);
      const placed = previous?.text === block.text ? previous.block : placeBlock(facts, block.startLine);
      nextPlaced.set(block.startLine, { text: block.text, block: placed });
      return placed;
    });
    this.facts = nextFacts;
    this.placed = nextPlaced;
    const settings = options.settings ?? defaultAnalysisSettings;
    const checklist = buildChecklist(blocks, { stateWords: settings.stateWords, blockerMarks: settings.blockerMarks });
    const evidence = analyzeEvidence(text, checklist, settings.evidence ?? defaultEvidenceSettings, options.today, 'needed')?.records ?? [];
    const signOffs = this.signOffs.find(split, checklist, evidence);
    const ctx: RuleContext = { text, blocks: split, checklist, settings, t, today: options.today, evidence, signOffs };
    const found = this.rules.flatMap((rule) => rule(ctx));
    // The header's claims follow the verdict, which depends on every other finding.
    found.push(...headerFindings({ text, checklist, findings: found, t, today: options.today }));
    const findings = withSeverities(withoutIgnored(found, checklist), settings).map(stableFinding).sort(byPosition);
    return { checklist, progress: progressOf(checklist), findings, evidence, signOffs };
  }

  /** One parse of the whole text costs less than many small ones, so a mostly new document is parsed whole. */
  private parseWholeWhenMostlyNew(text: string, split: readonly Block[]): Map<string, BlockFacts> {
    const missing = split.filter((block) => !this.facts.has(block.text)).length;
    if (missing <= 1 || missing < split.length / 2) return new Map();
    const all = extractAllFacts(text, split);
    return new Map(split.map((block, i) => [block.text, all[i] ?? extractFacts(block.text)]));
  }
}

/** Every smoke test's evidence record, unverified and untouched ones included (hovers, the sidebar, reports). */
export function allEvidence(text: string, analysis: Analysis, options: Pick<AnalysisOptions, 'settings' | 'today'> = {}): readonly TestEvidenceRecord[] {
  if (analysis.checklist.items.length === 0) return [];
  return analyzeEvidence(text, analysis.checklist, options.settings?.evidence ?? defaultEvidenceSettings, options.today, 'all')?.records ?? [];
}

/** Applies `severity.<code>` from the settings: another level, or `off` to drop the code. */
function withSeverities(findings: Finding[], settings: AnalysisSettings): Finding[] {
  const levels = settings.severities;
  if (!levels || Object.keys(levels).length === 0) return findings;
  return findings.flatMap((f) => {
    const level = levels[f.code];
    if (level === undefined) return [f];
    return level === 'off' ? [] : [{ ...f, severity: level }];
  });
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Drops findings on a line silenced by `<!-- readiness-ignore-next-line [codes] -->`. */
function withoutIgnored(findings: Finding[], checklist: Checklist): Finding[] {
  if (checklist.ignores.length === 0) return findings;
  const silenced = new Map<number, readonly string[]>(checklist.ignores.map((i) => [i.line, i.codes]));
  return findings.filter((f) => {
    const codes = silenced.get(f.range.start.line);
    return codes === undefined || (codes.length > 0 && !codes.includes(f.code));
  });
}

function megabytes(length: number): string {
  return (length / 1_000_000).toFixed(1);
}

function skipped(text: string, message: string): Analysis {
  const lines = new LineIndex(text.slice(0, 10_000));
  const firstLineEnd = lines.lineText(0).length;
  const checklist = emptyChecklist;
  return {
    checklist,
    progress: progressOf(checklist),
    findings: [{ code: 'skipped-large-file', severity: 'information', message, range: range(0, 0, 0, firstLineEnd) }],
    evidence: [],
    signOffs: [],
  };
}

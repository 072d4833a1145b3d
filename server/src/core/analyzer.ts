// The entry point of the core: analyses one document's text into its checklist
// model and findings. An analyzer belongs to one document and keeps the facts of
// each block from its previous run, so after an edit only the blocks whose text
// changed are parsed again.
import { STEP_WORK } from './analysisSteps';
import { blockRuns, splitBlocks, type Block, type SplitText } from './markdown/blocks';
import { LineIndex, withLineFeeds } from './markdown/lines';
import { translator, type Translate } from './messages';
import { buildChecklist, placeBlock, type PlacedBlock } from './model/build';
import { emptyChecklist, progressOf, type Checklist, type Progress } from './model/checklist';
import { extractAllFacts, extractFacts, type BlockFacts } from './model/facts';
import { analyzeEvidence, defaultEvidenceSettings, type TestEvidenceRecord } from './rules/evidenceState';
import { HeaderScanner, headerFindings } from './rules/headerStatus';
import { RULES } from './rules/registry';
import { defaultAnalysisSettings, type AnalysisSettings, type Rule, type RuleContext } from './rules/rule';
import { SecretScanner } from './rules/secretFindings';
import { SignOffScanner, type SignOff } from './rules/signoffs';
import { stableFinding } from './rules/stable';
import { flaggedValues, safeChecklist, safeTextFor, type DetectorMemo, type SafeText } from './safeText';
import { intersects, range, type Finding } from './types';

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
  /** The document's redaction point: what the server and the CLI build from document text after the analysis (file references, smoke lenses) goes through it. */
  readonly safeText: SafeText;
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
  /** The last analysed text and its blocks: the next split reads only from the edit to where the blocks meet again. */
  private split: SplitText | undefined;
  /** Facts by block text: a block that moved is not parsed again. */
  private facts = new Map<string, BlockFacts>();
  /** Placed blocks by start line, with their text: a block that neither changed nor moved costs nothing. */
  private placed = new Map<number, { readonly text: string; readonly block: PlacedBlock }>();
  /**
   * This analyzer's instances of the registry's model rules. The `secret` rule runs first, in
   * steps, through this analyzer's own scanner (a cache per block): the redaction point needs its
   * findings before the model is built.
   */
  private readonly rules: readonly { readonly id: string; readonly run: Rule }[] = RULES.flatMap((rule) =>
    rule.stage === 'model' && rule.create && rule.id !== 'secret' ? [{ id: rule.id, run: rule.create() }] : [],
  );
  private readonly secrets = new SecretScanner();
  /** The detector's redaction of the strings of the last analysis, for the options it ran with (the declared secret names, `secretsAllow`). */
  private scanned: { readonly key: string; readonly redacted: Map<string, string> } = { key: '', redacted: new Map() };
  private readonly signOffs = new SignOffScanner();
  private readonly header = new HeaderScanner();
  /**
   * The safe copies of the last model's parts and the findings as last sent, for the redaction that made them
   * (same options, same flagged values): what an edit left alone is not copied again.
   */
  private redactions: { readonly key: string; readonly copies: WeakMap<object, object> } = {
    key: '',
    copies: new WeakMap(),
  };

  analyze(documentText: string, options: AnalysisOptions = {}): Analysis {
    const steps = this.analyzeInSteps(documentText, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same analysis in steps of bounded work (about {@link STEP_WORK} characters parsed or
   * scanned each): a server that yields between steps keeps answering other requests while a
   * large document is analysed. A run abandoned between steps leaves the caches as they were.
   */
  *analyzeInSteps(documentText: string, options: AnalysisOptions = {}): Generator<void, Analysis, void> {
    // Same offsets and lines, so every range stays a range of the document as given.
    const text = withLineFeeds(documentText);
    const t = translator(options.locale);
    const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
    if (text.length > maxSize) {
      this.facts.clear();
      this.placed.clear();
      this.split = undefined;
      return skipped(text, t('file.tooLarge', megabytes(text.length), megabytes(maxSize)));
    }
    const split = splitBlocks(text, this.split);
    const nextFacts = new Map<string, BlockFacts>();
    for (const run of blockRuns(text, split, (block) => !this.facts.has(block.text), STEP_WORK)) {
      const facts = run.blocks.length === 1 ? [extractFacts(run.text)] : extractAllFacts(run.text, run.blocks);
      run.blocks.forEach((block, i) => nextFacts.set(block.text, facts[i] ?? extractFacts(block.text)));
      yield;
    }
    const nextPlaced: typeof this.placed = new Map();
    const blocks = split.map((block) => {
      const facts = nextFacts.get(block.text) ?? this.facts.get(block.text) ?? extractFacts(block.text);
      nextFacts.set(block.text, facts);
      const previous = this.placed.get(block.startLine);
      const placed = previous?.text === block.text ? previous.block : placeBlock(facts, block.startLine);
      nextPlaced.set(block.startLine, { text: block.text, block: placed });
      return placed;
    });
    const settings = options.settings ?? defaultAnalysisSettings;
    let secrets: Finding[];
    try {
      secrets = yield* this.secrets.findingsInSteps(text, split, settings.secretsAllow, t);
    } catch {
      secrets = failure('secrets', t);
    }
    // Every string of the model and of the messages built from it goes through the one redaction point.
    // Strings of this analysis: those of the last one (same options) are not scanned again.
    const vocabulary = this.secrets.vocabularyOfLastScan;
    const scannedKey = `${vocabulary.join(',')}\n${settings.secretsAllow.map((a) => `${a.source}/${a.flags}`).join('\n')}`;
    const previous = this.scanned.key === scannedKey ? this.scanned.redacted : new Map<string, string>();
    const redacted = new Map<string, string>();
    const memo: DetectorMemo = {
      get: (s) => {
        const known = redacted.get(s) ?? previous.get(s);
        if (known !== undefined) redacted.set(s, known);
        return known;
      },
      set: (s, r) => void redacted.set(s, r),
    };
    const safeText = safeTextFor(text, secrets, { allow: settings.secretsAllow, vocabulary }, memo);
    const redactionKey = `${scannedKey}\u0000${flaggedValues(text, secrets).join('\u0000')}`;
    const copies = this.redactions.key === redactionKey ? this.redactions.copies : new WeakMap<object, object>();
    const checklist = safeChecklist(
      buildChecklist(blocks, {
        stateWords: settings.stateWords,
        blockerMarks: settings.blockerMarks,
        today: options.today,
      }),
      safeText,
      copies,
    );
    let evidence: readonly TestEvidenceRecord[];
    let evidenceFailed: Finding[] = [];
    try {
      evidence =
        analyzeEvidence(text, checklist, settings.evidence ?? defaultEvidenceSettings, options.today, 'needed')
          ?.records ?? [];
    } catch {
      evidence = [];
      evidenceFailed = failure('evidence', t);
    }
    let signOffs: readonly SignOff[];
    try {
      signOffs = this.signOffs.find(split, checklist, evidence);
    } catch {
      signOffs = [];
      evidenceFailed = [...evidenceFailed, ...failure('signoffs', t)];
    }
    const ctx: RuleContext = { text, blocks: split, checklist, settings, t, today: options.today, evidence, signOffs };
    const found = [
      ...plainTextFindings(split, nextFacts, t),
      ...evidenceFailed,
      ...this.rules.flatMap((rule) => guarded(rule.id, () => rule.run(ctx), t)),
      ...secrets,
    ];
    // The header's claims follow the verdict, which depends on every other finding.
    const header = guarded(
      'header',
      () =>
        headerFindings({ text, checklist, findings: found, t, today: options.today, lines: this.header.lines(split) }),
      t,
    );
    this.facts = nextFacts;
    this.split = { text, blocks: split };
    this.scanned = { key: scannedKey, redacted };
    this.placed = nextPlaced;
    this.redactions = { key: redactionKey, copies };
    // A count or status line both rules read is reported once, by the header rule whose fix rewrites it.
    const model =
      header.length === 0
        ? found
        : found.filter((f) => f.code !== 'status-mismatch' || !header.some((h) => intersects(h.range, f.range)));
    const findings = withSeverities(withoutIgnored([...model, ...header], checklist), settings)
      .map((f) => {
        let safe = copies.get(f) as Finding | undefined;
        if (!safe) copies.set(f, (safe = stableFinding({ ...f, message: safeText(f.message) })));
        return safe;
      })
      .sort(byPosition);
    return { checklist, progress: progressOf(checklist), findings, safeText, evidence, signOffs };
  }
}

/** One information diagnostic per block read as plain text, at the line where it passed a limit. */
function plainTextFindings(blocks: readonly Block[], facts: ReadonlyMap<string, BlockFacts>, t: Translate): Finding[] {
  const findings: Finding[] = [];
  for (const block of blocks) {
    const reading = facts.get(block.text)?.plainText;
    if (!reading) continue;
    const line = block.startLine + reading.line;
    let message =
      reading.reason === 'failed'
        ? t('block.plainText.failed')
        : t(`block.plainText.${reading.reason}`, reading.amount, reading.limit);
    if (reading.omittedBlanks) message += ` ${t('block.plainText.omittedBlanks', reading.omittedBlanks)}`;
    findings.push({ code: 'plain-text-block', severity: 'information', message, range: range(line, 0, line, 0) });
  }
  return findings;
}

/** A rule that fails costs the document that rule's findings, not all of them. */
function guarded(name: string, run: () => Finding[], t: Translate): Finding[] {
  try {
    return run();
  } catch {
    return failure(name, t);
  }
}

function failure(name: string, t: Translate): Finding[] {
  return [
    {
      code: 'internal-error',
      severity: 'information',
      message: t('analysis.ruleFailed', name),
      range: range(0, 0, 0, 0),
    },
  ];
}

/** Every smoke test's evidence record, unverified and untouched ones included (hovers, the sidebar, reports). */
export function allEvidence(
  text: string,
  analysis: Analysis,
  options: Pick<AnalysisOptions, 'settings' | 'today'> = {},
): readonly TestEvidenceRecord[] {
  if (analysis.checklist.items.length === 0) return [];
  return (
    analyzeEvidence(
      text,
      analysis.checklist,
      options.settings?.evidence ?? defaultEvidenceSettings,
      options.today,
      'all',
    )?.records ?? []
  );
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
    safeText: (s) => s,
    findings: [{ code: 'skipped-large-file', severity: 'information', message, range: range(0, 0, 0, firstLineEnd) }],
    evidence: [],
    signOffs: [],
  };
}

// The entry point of the core: analyses one document's text into its checklist
// model and findings. An analyzer belongs to one document and keeps the facts of
// each block from its previous run, so after an edit only the blocks whose text
// changed are parsed again.
import { splitBlocks } from './markdown/blocks';
import { LineIndex } from './markdown/lines';
import { translator } from './messages';
import { buildChecklist, type PlacedFacts } from './model/build';
import { progressOf, type Checklist, type Progress } from './model/checklist';
import { extractFacts, type BlockFacts } from './model/facts';
import { defaultAnalysisSettings, type AnalysisSettings, type Rule } from './rules/rule';
import { unfilledPlaceholders } from './rules/unfilledPlaceholder';
import { range, type Finding } from './types';

export interface AnalysisOptions {
  readonly locale?: string | undefined;
  /** Documents longer than this many UTF-16 code units are not analysed. */
  readonly maxSize?: number | undefined;
  readonly settings?: AnalysisSettings | undefined;
}

export interface Analysis {
  readonly checklist: Checklist;
  readonly progress: Progress;
  readonly findings: readonly Finding[];
}

export const DEFAULT_MAX_SIZE = 5_000_000;

const rules: readonly Rule[] = [unfilledPlaceholders];

export class ChecklistAnalyzer {
  private cache = new Map<string, BlockFacts>();

  analyze(text: string, options: AnalysisOptions = {}): Analysis {
    const t = translator(options.locale);
    const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
    if (text.length > maxSize) {
      this.cache.clear();
      return skipped(text, t('file.tooLarge', megabytes(text.length), megabytes(maxSize)));
    }
    const previous = this.cache;
    const next = new Map<string, BlockFacts>();
    const placed: PlacedFacts[] = splitBlocks(text).map((block) => {
      const facts = next.get(block.text) ?? previous.get(block.text) ?? extractFacts(block.text);
      next.set(block.text, facts);
      return { startLine: block.startLine, facts };
    });
    this.cache = next;
    const checklist = buildChecklist(placed);
    const ctx = { checklist, settings: options.settings ?? defaultAnalysisSettings, t };
    const findings = rules.flatMap((rule) => rule(ctx));
    return { checklist, progress: progressOf(checklist), findings };
  }
}

function megabytes(length: number): string {
  return (length / 1_000_000).toFixed(1);
}

function skipped(text: string, message: string): Analysis {
  const lines = new LineIndex(text.slice(0, 10_000));
  const firstLineEnd = lines.lineText(0).length;
  const checklist: Checklist = { title: undefined, fields: [], groups: [], items: [] };
  return {
    checklist,
    progress: progressOf(checklist),
    findings: [{ code: 'skipped-large-file', severity: 'information', message, range: range(0, 0, 0, firstLineEnd) }],
  };
}

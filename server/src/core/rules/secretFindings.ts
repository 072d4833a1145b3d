// secret: a credential pasted into the checklist. Scanning is cached per block,
// like parsing, so typing in a 1 MB document rescans only the block being edited.
// A finding names the kind of secret and where it is; it never holds the value.
import { STEP_WORK } from '../analysisSteps';
import { blockRuns, type Block, type BlockRun } from '../markdown/blocks';
import { LineIndex } from '../markdown/lines';
import type { Translate } from '../messages';
import { scanSecrets } from '../secrets';
import { mergeSecretNames, secretNameParts } from '../secrets/vocabulary';
import { range, shiftRange, type Finding, type Range } from '../types';

interface BlockSecret {
  readonly ruleId: string;
  readonly description: string;
  readonly suggestedName: string | undefined;
  /** Block-relative. */
  readonly range: Range;
}

interface CachedScan {
  /** The vocabulary and allow-list the block was scanned with. */
  readonly key: string;
  readonly secrets: readonly BlockSecret[];
}

export class SecretScanner {
  private cache = new Map<string, CachedScan>();
  /** The secret names each block declares, by block text. */
  private names = new Map<string, ReturnType<typeof secretNameParts>>();
  /** The names the document declared as secrets at the last scan: the redaction point scans the model's strings with them. */
  vocabularyOfLastScan: readonly string[] = [];

  findings(text: string, blocks: readonly Block[], allow: readonly RegExp[], t: Translate): Finding[] {
    const steps = this.findingsInSteps(text, blocks, allow, t);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same findings, scanning the blocks not cached in runs of about {@link STEP_WORK}
   * characters and yielding after each: one scan of a run costs a fraction of scanning each
   * of its blocks, and rules never look past a heading, so a block gets what its own scan would.
   */
  *findingsInSteps(
    text: string,
    blocks: readonly Block[],
    allow: readonly RegExp[],
    t: Translate,
  ): Generator<void, Finding[], void> {
    const vocabulary = this.vocabulary(blocks);
    this.vocabularyOfLastScan = vocabulary;
    const key = `${vocabulary.join(',')}\n${allow.map((a) => a.source).join('\n')}`;
    const next = new Map<string, CachedScan>();
    for (const run of blockRuns(text, blocks, (block) => this.cache.get(block.text)?.key !== key, STEP_WORK)) {
      const secrets = scanRun(run, vocabulary, allow);
      run.blocks.forEach((block, i) => next.set(block.text, { key, secrets: secrets[i] ?? [] }));
      yield;
    }
    const findings: Finding[] = [];
    for (const block of blocks) {
      const scan = next.get(block.text) ?? this.cache.get(block.text);
      if (!scan) continue;
      next.set(block.text, scan);
      for (const secret of scan.secrets) {
        findings.push({
          code: 'secret',
          severity: 'error',
          message: t('secret.found', secret.description),
          range: shiftRange(secret.range, block.startLine),
          data:
            secret.suggestedName === undefined
              ? { rule: secret.ruleId }
              : { rule: secret.ruleId, name: secret.suggestedName },
        });
      }
    }
    this.cache = next;
    return findings;
  }

  /** The names the document declares as secrets, gathered per block (a label's list ends at a heading). */
  private vocabulary(blocks: readonly Block[]): string[] {
    const next = new Map<string, ReturnType<typeof secretNameParts>>();
    const parts = blocks.map((block) => {
      const part = next.get(block.text) ?? this.names.get(block.text) ?? secretNameParts(block.text);
      next.set(block.text, part);
      return part;
    });
    this.names = next;
    return mergeSecretNames(parts);
  }
}

/** The secrets of each block of a run, in block-relative positions, from one scan of the run's text. */
function scanRun(run: BlockRun, vocabulary: readonly string[], allow: readonly RegExp[]): BlockSecret[][] {
  const perBlock: BlockSecret[][] = run.blocks.map(() => []);
  const matches = scanSecrets(run.text, { vocabulary, allow });
  if (matches.length === 0) return perBlock;
  const lines = new LineIndex(run.text);
  let b = 0;
  for (const m of matches) {
    while (b + 1 < run.blocks.length && (run.blocks[b + 1]?.startOffset ?? Infinity) <= m.start) b++;
    const start = lines.positionAt(m.start);
    const end = lines.positionAt(m.end);
    const first = run.blocks[b]?.startLine ?? 0;
    perBlock[b]?.push({
      ruleId: m.ruleId,
      description: m.description,
      suggestedName: m.suggestedName,
      range: range(start.line - first, start.character, end.line - first, end.character),
    });
  }
  return perBlock;
}

// secret: a credential pasted into the checklist. Scanning is cached per block,
// like parsing, so typing in a 1 MB document rescans only the block being edited.
// A finding names the kind of secret and where it is; it never holds the value.
import type { Block } from '../markdown/blocks';
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

  findings(text: string, blocks: readonly Block[], allow: readonly RegExp[], t: Translate): Finding[] {
    const vocabulary = this.vocabulary(blocks);
    const key = `${vocabulary.join(',')}\n${allow.map((a) => a.source).join('\n')}`;
    const next = new Map<string, CachedScan>();
    const findings: Finding[] = [];
    const whole = this.scanWholeWhenMostlyNew(text, blocks, key, vocabulary, allow);
    blocks.forEach((block, i) => {
      let scan = next.get(block.text) ?? this.cache.get(block.text);
      if (scan?.key !== key) scan = { key, secrets: whole?.[i] ?? scanBlock(block.text, vocabulary, allow) };
      next.set(block.text, scan);
      for (const secret of scan.secrets) {
        findings.push({
          code: 'secret',
          severity: 'error',
          message: t('secret.found', secret.description),
          range: shiftRange(secret.range, block.startLine),
          data: secret.suggestedName === undefined ? { rule: secret.ruleId } : { rule: secret.ruleId, name: secret.suggestedName },
        });
      }
    });
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

  /**
   * One scan of the whole text costs a quarter of scanning each block, so a mostly new
   * document is scanned whole and its matches handed to the blocks that hold them.
   * Rules never look past a heading, so the blocks get what their own scans would give.
   */
  private scanWholeWhenMostlyNew(text: string, blocks: readonly Block[], key: string, vocabulary: readonly string[], allow: readonly RegExp[]): BlockSecret[][] | undefined {
    const missing = blocks.filter((block) => this.cache.get(block.text)?.key !== key).length;
    if (missing <= 1 || missing < blocks.length / 2) return undefined;
    const perBlock: BlockSecret[][] = blocks.map(() => []);
    const lines = new LineIndex(text);
    let b = 0;
    for (const m of scanSecrets(text, { vocabulary, allow })) {
      while (b + 1 < blocks.length && (blocks[b + 1]?.startOffset ?? Infinity) <= m.start) b++;
      const start = lines.positionAt(m.start);
      const end = lines.positionAt(m.end);
      const first = blocks[b]?.startLine ?? 0;
      perBlock[b]?.push({ ruleId: m.ruleId, description: m.description, suggestedName: m.suggestedName, range: range(start.line - first, start.character, end.line - first, end.character) });
    }
    return perBlock;
  }
}

function scanBlock(text: string, vocabulary: readonly string[], allow: readonly RegExp[]): BlockSecret[] {
  const matches = scanSecrets(text, { vocabulary, allow });
  if (matches.length === 0) return [];
  const lines = new LineIndex(text);
  return matches.map((m) => {
    const start = lines.positionAt(m.start);
    const end = lines.positionAt(m.end);
    return { ruleId: m.ruleId, description: m.description, suggestedName: m.suggestedName, range: range(start.line, start.character, end.line, end.character) };
  });
}

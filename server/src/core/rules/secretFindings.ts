// secret: a credential pasted into the checklist. Scanning is cached per block,
// like parsing, so typing in a 1 MB document rescans only the block being edited.
// A finding names the kind of secret and where it is; it never holds the value.
import type { Block } from '../markdown/blocks';
import { LineIndex } from '../markdown/lines';
import type { Translate } from '../messages';
import { declaredSecretNames, scanSecrets } from '../secrets';
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

  findings(text: string, blocks: readonly Block[], allow: readonly RegExp[], t: Translate): Finding[] {
    const vocabulary = declaredSecretNames(text);
    const key = `${vocabulary.join(',')}\n${allow.map((a) => a.source).join('\n')}`;
    const next = new Map<string, CachedScan>();
    const findings: Finding[] = [];
    for (const block of blocks) {
      let scan = next.get(block.text) ?? this.cache.get(block.text);
      if (scan?.key !== key) scan = { key, secrets: scanBlock(block.text, vocabulary, allow) };
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
    }
    this.cache = next;
    return findings;
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

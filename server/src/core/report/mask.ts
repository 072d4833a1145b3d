// Every text a verdict or a report takes from the document goes through one
// masker: the values of the secrets the analysis found anywhere in the document
// (so a token repeated in an owner field or a title is masked too), then the
// secret detector on the text itself.
import type { Analysis } from '../analyzer';
import { declaredSecretNames, redactSecrets, redactValues } from '../secrets';
import type { Position } from '../types';

export type Masker = (text: string) => string;

export function documentMasker(text: string, analysis: Analysis, allow: readonly RegExp[] = []): Masker {
  const secrets = analysis.findings.filter((f) => f.code === 'secret');
  const values: string[] = [];
  if (secrets.length > 0) {
    const offsets = lineOffsets(text);
    const offset = (p: Position) => (offsets[p.line] ?? text.length) + p.character;
    for (const f of secrets) values.push(text.slice(offset(f.range.start), offset(f.range.end)));
  }
  // The document's secret names are read on first use: a verdict with nothing to mask never pays for it.
  let vocabulary: readonly string[] | undefined;
  const cache = new Map<string, string>();
  return (value) => {
    if (value === '') return value;
    let masked = cache.get(value);
    if (masked === undefined) {
      vocabulary ??= declaredSecretNames(text);
      masked = redactSecrets(values.length > 0 ? redactValues(value, values) : value, { vocabulary, allow });
      if (cache.size < 5_000) cache.set(value, masked);
    }
    return masked;
  };
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}


// Every text a verdict or a report takes from the document goes through one
// masker: the analysis's redaction point (the values of the secrets found anywhere
// in the document, so a token repeated in an owner field or a title is masked too,
// and the secret detector on the text itself), then the document's declared secret
// names ("LOG_TOKEN=…" where the checklist lists LOG_TOKEN as a secret).
import type { Analysis } from '../analyzer';
import { declaredSecretNames, redactSecrets } from '../secrets';

export type Masker = (text: string) => string;

export function documentMasker(text: string, analysis: Analysis, allow: readonly RegExp[] = []): Masker {
  // The document's secret names are read on first use: a verdict with nothing to mask never pays for it.
  let vocabulary: readonly string[] | undefined;
  const cache = new Map<string, string>();
  return (value) => {
    if (value === '') return value;
    let masked = cache.get(value);
    if (masked === undefined) {
      vocabulary ??= declaredSecretNames(text);
      masked = redactSecrets(analysis.safeText(value), { vocabulary, allow });
      if (cache.size < 5_000) cache.set(value, masked);
    }
    return masked;
  };
}

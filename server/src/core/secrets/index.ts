// The secret detector: finds credentials pasted into a checklist or into command
// output, names them after the document's own variables, and redacts them.
//
//   scanSecrets(text, { vocabulary?, allow? }) → SecretMatch[] (offsets of the values only)
//   declaredSecretNames(text)                → the names the document declares as secrets
//   listedSecretNames(text)                  → only those its secrets list names (what the CLI may read)
//   redact(text, matches) / redactValues(text, values) / redactSecrets(text, options)
//   SECRET_RULES / secretRule(id)            → the rule table (id, description, …)
export { declaredSecretNames, listedSecretNames } from './vocabulary';
export { MIN_REDACTED_VALUE_LENGTH, REDACTION_MASK, redact, redactSecrets, redactValues } from './redact';
export { SECRET_RULES, secretRule } from './rules';
export { scanSecrets } from './scan';
import { useSecretDetector } from '../placeholders';
import { looksRandom, shannonEntropy } from './entropy';
import { scanSecrets } from './scan';

// A pasted secret is never a blank to fill: the placeholder scan asks this detector.
useSecretDetector({
  spans: (line) => scanSecrets(line).map((m) => [m.start, m.end] as const),
  looksRandom: (text) => looksRandom(text) || shannonEntropy(text) >= 3.5,
});
export type { ScanOptions, SecretMatch, SecretRule, SecretTier, TextSpan } from './types';

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanSecrets } from '../../server/src/core/secrets';
import { adversarialSecretInputs } from '../support/secretSamples';

// Inputs built to make a careless pattern backtrack (see adversarialSecretInputs); how long
// they take is measured by `npm run bench`, here only what they yield.
describe('scanSecrets on adversarial input', () => {
  for (const [name, text] of Object.entries(adversarialSecretInputs())) {
    test(`${name} (${Math.round(text.length / 1000)} kB): matches are sorted, disjoint and inside the text`, () => {
      let previousEnd = 0;
      for (const match of scanSecrets(text)) {
        assert.ok(
          match.start >= previousEnd && match.end > match.start && match.end <= text.length,
          JSON.stringify(match),
        );
        previousEnd = match.end;
      }
    });
  }

  test('text with a code point whose lower case is longer keeps its offsets', () => {
    const token = 'f3a9c2e81b7d4065a9e3c1f2b8d7e6a5f3a9c2e81b7d4065a9e3c1f2b8d7e6a5';
    const text = `İSTANBUL İ\nLOG_TOKEN usado: ${token}`;
    const [match] = scanSecrets(text, { vocabulary: ['LOG_TOKEN'] });
    assert.equal(text.slice(match?.start, match?.end), token);
  });

  test('Windows line endings', () => {
    const token = 'f3a9c2e81b7d4065a9e3c1f2b8d7e6a5f3a9c2e81b7d4065a9e3c1f2b8d7e6a5';
    const text = `$ gcloud secrets versions access latest --secret=LOG_TOKEN\r\n${token}\r\n$ echo done\r\n`;
    const [match] = scanSecrets(text);
    assert.equal(text.slice(match?.start, match?.end), token);
  });
});

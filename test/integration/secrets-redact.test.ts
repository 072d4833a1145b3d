import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REDACTION_MASK, redact, redactSecrets, redactValues, scanSecrets } from '../../server/src/core/secrets';
import { findPlaceholders } from '../../server/src/core/placeholders';
import { loadCorpus, scoreCorpus, syntheticSecret } from '../fixtures/secrets/corpus';

const corpus = loadCorpus();

describe('redactSecrets', () => {
  test('no detected value of the corpus survives, and the result is clean', () => {
    const survivors: string[] = [];
    for (const c of corpus.positives) {
      const redacted = redactSecrets(c.text);
      for (const s of c.secrets)
        if (redacted.includes(c.text.slice(s.start, s.end))) survivors.push(`${c.id}: ${s.kind}`);
      assert.deepEqual(scanSecrets(redacted), [], `${c.id}: the redacted text is flagged again`);
    }
    // Only the values the detector misses (see the corpus score) are left.
    assert.deepEqual(
      survivors,
      scoreCorpus({ positives: corpus.positives, negatives: [] }, (text) => scanSecrets(text)).misses,
    );
  });

  test('leaves the text around the value as it was', () => {
    const token = syntheticSecret('hex64', 'redact');
    assert.equal(
      redactSecrets(`curl "http://staging-host/api/logs?token=${token}" | head`),
      `curl "http://staging-host/api/logs?token=${REDACTION_MASK}" | head`,
    );
    assert.equal(redactSecrets('nothing to hide'), 'nothing to hide');
  });

  test('the mask is neither a checklist placeholder nor a secret', () => {
    assert.deepEqual(findPlaceholders(`LOG_TOKEN=${REDACTION_MASK}`), []);
    for (const line of [
      `LOG_TOKEN=${REDACTION_MASK}`,
      `postgres://app:${REDACTION_MASK}@db:5432/app`,
      `Authorization: Bearer ${REDACTION_MASK}`,
      `redis-cli -a ${REDACTION_MASK} ping`,
      `-----BEGIN RSA PRIVATE KEY-----\n${REDACTION_MASK}\n-----END RSA PRIVATE KEY-----`,
    ]) {
      assert.deepEqual(scanSecrets(line), [], line);
    }
  });
});

describe('redact', () => {
  test('replaces each span with one mask, merging overlapping and touching spans', () => {
    assert.equal(redact('abcdefghij', [{ start: 2, end: 4 }]), `ab${REDACTION_MASK}efghij`);
    assert.equal(
      redact('abcdefghij', [
        { start: 6, end: 8 },
        { start: 1, end: 3 },
      ]),
      `a${REDACTION_MASK}def${REDACTION_MASK}ij`,
    );
    assert.equal(
      redact('abcdefghij', [
        { start: 1, end: 5 },
        { start: 3, end: 7 },
        { start: 7, end: 8 },
      ]),
      `a${REDACTION_MASK}ij`,
    );
  });

  test('ignores empty spans and clamps spans to the text', () => {
    assert.equal(redact('abc', [{ start: 1, end: 1 }]), 'abc');
    assert.equal(redact('abc', [{ start: 2, end: 99 }]), `ab${REDACTION_MASK}`);
    assert.equal(redact('abc', []), 'abc');
  });
});

describe('redactValues', () => {
  test('replaces every occurrence of known values, whatever their format', () => {
    const value = 'hunter2-but-longer';
    assert.equal(redactValues(`a ${value} b ${value}`, [value]), `a ${REDACTION_MASK} b ${REDACTION_MASK}`);
  });

  test('a value inside another is covered by one mask', () => {
    assert.equal(redactValues('xx-abcdef-yy', ['abcdef', 'cde']), `xx-${REDACTION_MASK}-yy`);
  });

  test('skips values too short to be secrets, which would match unrelated text', () => {
    assert.equal(redactValues('a b c', ['a', 'b c', '']), 'a b c');
  });

  test('redacts smoke-test output with the values from secret storage', () => {
    const logToken = syntheticSecret('hex64', 'storage');
    const output = `GET /api/logs?token=${logToken} 200\n{"echo":"${logToken}"}`;
    const redacted = redactValues(output, [logToken]);
    assert.ok(!redacted.includes(logToken));
    assert.deepEqual(scanSecrets(redacted), []);
  });
});

// The rule registry: every finding code has one entry with its metadata, the descriptions are in
// the catalogue in both languages, and the analyzer runs exactly the model rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../server/src/core/messages';
import { createModelRules, RULES, ruleMetadata } from '../../server/src/core/rules/registry';
import type { FindingCode } from '../../server/src/core/types';
import { sampleText } from '../support/texts';
import { sampleWithSecrets } from '../support/secretSamples';
import { analysisOf } from '../support/analyses';

// Every code once: the compiler rejects this object when a code is added to FindingCode and not here.
const EVERY_CODE: Record<FindingCode, true> = {
  'plain-text-block': true,
  'too-many-findings': true,
  'internal-error': true,
  'unfilled-placeholder': true,
  'bracketed-value': true,
  'unparsed-deadline': true,
  'status-mismatch': true,
  overdue: true,
  mojibake: true,
  'missing-file': true,
  secret: true,
  'skipped-large-file': true,
  'unknown-state': true,
  structure: true,
  'stale-evidence': true,
  'edited-evidence': true,
  'stale-signoff': true,
};
const CODES = Object.keys(EVERY_CODE);

describe('rule registry', () => {
  test('one entry per finding code, secrets and missing files included', () => {
    assert.deepEqual(RULES.map((rule) => rule.id).sort(), [...CODES].sort());
    assert.ok(Object.isFrozen(RULES));
    assert.equal(ruleMetadata('secret').defaultSeverity, 'error');
    assert.equal(ruleMetadata('missing-file').stage, 'files');
  });

  test('each description is a sentence in English and in Spanish', () => {
    for (const rule of RULES) {
      const en = translator('en')(rule.description);
      const es = translator('es')(rule.description);
      assert.match(en, /^[A-Z].+\.$/, rule.id);
      assert.notEqual(es, en, rule.id);
    }
  });

  test('the analyzer runs the model rules, each instance its own', () => {
    assert.equal(createModelRules().length, RULES.filter((rule) => rule.stage === 'model').length);
    const codes = new Set(analysisOf(sampleWithSecrets(), { today: '2025-12-08' }).findings.map((f) => f.code));
    for (const code of ['unfilled-placeholder', 'overdue', 'secret'] as const) assert.ok(codes.has(code), code);
    for (const finding of analysisOf(sampleText()).findings) assert.ok(RULES.some((rule) => rule.id === finding.code));
  });
});

// The findings the editor is given for one document: at most readiness.maxProblems, chosen as VS Code
// chooses what it shows (errors first, then warnings, information and hints, each in document order),
// with one information finding that counts the rest.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { shownFindings } from '../../server/src/core/findingsLimit';
import { translator } from '../../server/src/core/messages';
import { toSettings, parseConfigText } from '../../server/src/core/settings';
import { range, type Finding, type Severity } from '../../server/src/core/types';
import { analysisOf } from '../support/analyses';
import { sampleText } from '../support/texts';

const en = translator('en');
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

const finding = (line: number, severity: Severity): Finding => ({
  code: 'unfilled-placeholder',
  severity,
  message: `blank on line ${line}`,
  range: range(line, 2, line, 9),
  data: { item: '1', placeholder: '[x]', kind: 'value' },
});

describe('the findings shown in the editor', () => {
  test('a list within the limit is given as it is', () => {
    const findings = [finding(1, 'hint'), finding(2, 'error')];
    assert.equal(shownFindings(findings, 2, en), findings);
  });

  test('past the limit: errors, then warnings, then the rest, in document order, after one finding that counts them', () => {
    const findings = [
      finding(1, 'information'),
      finding(2, 'warning'),
      finding(3, 'error'),
      finding(4, 'hint'),
      finding(5, 'warning'),
      finding(6, 'error'),
    ];
    const shown = shownFindings(findings, 4, en);
    assert.equal(shown.length, 4);
    const [summary, ...rest] = shown;
    assert.deepEqual(
      rest.map((f) => [f.range.start.line, f.severity]),
      [
        [2, 'warning'],
        [3, 'error'],
        [6, 'error'],
      ],
    );
    assert.equal(summary?.code, 'too-many-findings');
    assert.equal(summary?.severity, 'information');
    assert.deepEqual(summary?.range, range(0, 0, 0, 0));
    assert.equal(
      summary?.message,
      'Showing 3 of 6 findings, errors first: the editor shows at most 4 (readiness.maxProblems). `readiness check` lists them all.',
    );
    assert.match(shownFindings(findings, 4, translator('es'))[0]?.message ?? '', /^Se muestran 3 de 6 hallazgos/);
  });

  test('a limit of 1 leaves only the count; a limit that is not a whole number is read down', () => {
    const findings = [finding(1, 'error'), finding(2, 'error')];
    assert.deepEqual(
      shownFindings(findings, 1, en).map((f) => f.code),
      ['too-many-findings'],
    );
    assert.equal(shownFindings([...findings, finding(3, 'hint')], 2.9, en).length, 2);
  });

  test('invariants: never more than the limit, a subset in order, no shown finding less severe than one left out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SEVERITIES), { maxLength: 60 }),
        fc.integer({ min: 1, max: 70 }),
        (severities, limit) => {
          const findings = severities.map((s, i) => finding(i, s));
          const shown = shownFindings(findings, limit, en);
          assert.ok(shown.length <= limit);
          if (findings.length <= limit) return assert.equal(shown, findings);
          assert.equal(shown[0]?.code, 'too-many-findings');
          const kept = shown.slice(1);
          assert.equal(kept.length, limit - 1);
          // In document order, each one of the list.
          let at = -1;
          for (const f of kept) {
            const index = findings.indexOf(f);
            assert.ok(index > at);
            at = index;
          }
          const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
          const worstShown = Math.max(...kept.map(rank), -1);
          for (const left of findings.filter((f) => !kept.includes(f))) assert.ok(rank(left) >= worstShown);
        },
      ),
    );
  });

  test('a real checklist past a small limit keeps its warnings before its information', () => {
    const findings = analysisOf(sampleText()).findings;
    const warnings = findings.filter((f) => f.severity === 'warning');
    assert.ok(warnings.length > 3 && findings.length > warnings.length + 3);
    const shown = shownFindings(findings, warnings.length + 1, en);
    assert.deepEqual(shown.slice(1), warnings);
  });
});

describe('readiness.maxProblems', () => {
  test('defaults to 1000, as many as VS Code shows per file; a whole number of at least 1 is taken', () => {
    assert.equal(toSettings({}).maxProblems, 1000);
    assert.equal(toSettings({ maxProblems: 50 }).maxProblems, 50);
    for (const wrong of [0, -3, 2.5, '50', null]) assert.equal(toSettings({ maxProblems: wrong }).maxProblems, 1000);
  });

  test('the configuration file says what is wrong with it', () => {
    assert.deepEqual(
      parseConfigText('{ "maxProblems": 0 }', 'readiness').problems.map((p) => p.message),
      ['"maxProblems" must be a whole number of at least 1'],
    );
    assert.deepEqual(parseConfigText('{ "maxProblems": 200 }', 'readiness').raw, { maxProblems: 200 });
  });
});

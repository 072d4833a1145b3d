import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { LineIndex } from '../../server/src/core/markdown/lines';
import { extractFacts } from '../../server/src/core/model/facts';
import { hostileInputs, SENTINELS } from '../support/hostile';
import { cliBundle } from '../support/paths';

// Every hostile shape is analysed without throwing, in work linear in its size (the figures are in
// `npm run bench`), and the items around it keep their findings.
describe('hostile structure', () => {
  for (const input of hostileInputs(0.1)) {
    test(input.name, () => {
      const analysis = new ChecklistAnalyzer().analyze(input.text, { today: '2025-12-08' });
      const lines = new LineIndex(input.text);
      const quoted = analysis.findings
        .filter((f) => f.code === 'unfilled-placeholder')
        .map((f) => lines.lineText(f.range.start.line).slice(f.range.start.character, f.range.end.character));
      for (const sentinel of SENTINELS) assert.ok(quoted.includes(sentinel), `${sentinel} still reported`);
      for (const id of ['1', '2', '3'])
        assert.ok(
          analysis.checklist.items.some((i) => i.id === id),
          `item ${id}`,
        );
      for (const f of analysis.findings)
        assert.ok(f.range.start.character <= lines.lineText(f.range.start.line).length);
    });
  }

  test('a section past the limits is read as plain text, with one information diagnostic saying so', () => {
    const input = hostileInputs().find((i) => i.name.startsWith('nested quotes'));
    const findings = new ChecklistAnalyzer()
      .analyze(input?.text ?? '')
      .findings.filter((f) => f.code === 'plain-text-block');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'information');
    assert.match(findings[0]?.message ?? '', /nests \d+ levels deep/);
  });

  test('a plain-text section keeps its fields, task boxes and blanks, and says how many blanks it did not list', () => {
    const facts = extractFacts(
      `### 2. X\n**Estado**: ✅ Completado\n- [x] done\n${'>'.repeat(100)} q\n${'[X] '.repeat(600)}`,
    );
    assert.equal(facts.plainText?.reason, 'nesting');
    assert.deepEqual(
      facts.fields.map((f) => [f.key, f.value]),
      [['Estado', '✅ Completado']],
    );
    assert.equal(facts.checkboxes.length, 1);
    assert.equal(facts.placeholders.length, 500);
    assert.equal(facts.plainText?.omittedBlanks, 100);
  });

  test('an ordinary checklist is parsed as markdown, nothing read as plain text', () => {
    const text = '## A\n\n> quote\n> > nested\n\n- a\n  - b\n    - c\n      - d\n\n| a | b |\n|---|---|\n| [X] | y |\n';
    assert.equal(extractFacts(text).plainText, undefined);
  });

  test('run in steps, a large document yields between blocks and gives the same analysis', () => {
    const input = hostileInputs(0.5).find((i) => i.name.startsWith('thousands of headings'))?.text ?? '';
    const steps = new ChecklistAnalyzer().analyzeInSteps(input);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    assert.ok(count > 5, `${count} steps`);
    assert.deepEqual(step.value.findings, new ChecklistAnalyzer().analyze(input).findings);
  });
});

describe('readiness check on hostile files', () => {
  test('answers every file in one run, with one line per problem and no stack trace', () => {
    const folder = mkdtempSync(join(tmpdir(), 'readiness-hostile-cli-'));
    // The shapes of up to 500 KB (every shape runs through the core above; `npm run bench` times the CLI on each).
    const inputs = hostileInputs(0.1).filter((i) => i.text.length < 500_000);
    inputs.forEach((input, i) => writeFileSync(join(folder, `ENTREGABLES-${i}.md`), input.text));
    writeFileSync(join(folder, 'ENTREGABLES-binary.md'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe, 0x00]));
    writeFileSync(join(folder, 'ENTREGABLES-latin1.md'), Buffer.from('# Producci\xf3n\n', 'latin1'));
    const result = spawnSync(
      process.execPath,
      [cliBundle, 'check', folder, '--format', 'json', '--today', '2025-12-08'],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C' }, maxBuffer: 1 << 30 },
    );
    // The binary and the Latin-1 file are usage errors (2), each named on one line of stderr.
    assert.equal(result.status, 2);
    // So are the inputs that hold NUL characters.
    const withNul = inputs.flatMap((input, i) => (input.text.includes('\0') ? [String(i)] : []));
    const errors = result.stderr.trim().split('\n');
    assert.equal(errors.length, 2 + withNul.length);
    for (const name of ['binary', ...withNul])
      assert.ok(
        errors.some((e) => e.endsWith(`ENTREGABLES-${name}.md: is a binary file, not markdown`)),
        name,
      );
    assert.ok(
      errors.some((e) => e.endsWith('ENTREGABLES-latin1.md: is not valid UTF-8 (save it as UTF-8 and run again)')),
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    const report = JSON.parse(result.stdout) as {
      files: {
        path: string;
        diagnostics: {
          code: string;
          range: { start: { line: number; character: number }; end: { character: number } };
        }[];
      }[];
    };
    assert.equal(report.files.length, inputs.length - withNul.length);
    const byIndex = (path: string) => inputs[Number(/ENTREGABLES-(\d+)\.md$/.exec(path)?.[1])];
    for (const file of report.files) {
      const input = byIndex(file.path);
      const lines = input?.text.split(/\r\n|\r|\n/) ?? [];
      const quoted = file.diagnostics.map((d) =>
        lines[d.range.start.line]?.slice(d.range.start.character, d.range.end.character),
      );
      for (const sentinel of SENTINELS) assert.ok(quoted.includes(sentinel), `${input?.name}: ${sentinel}`);
    }
  });
});

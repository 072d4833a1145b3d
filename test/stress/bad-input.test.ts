// Hostile and huge documents through the analyzer (ten megabytes, a 50 000-character line, deep
// lists, wide tables): findings stay inside the document. Moved out of test/unit/analyzer.test.ts
// because the inputs are large: test/unit keeps to its time budget.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';

const analyze = (text: string, locale?: string) => new ChecklistAnalyzer().analyze(text, { locale });

describe('bad input', () => {
  const inputs: Record<string, string> = {
    empty: '',
    binaryish: '\u0000\u0001\u0002PNG\u0000',
    'unterminated fence': '## 🔴 BLOQUERS\n### 1. A\n**Estado**: ⏳\n```\n[X]\n',
    'headings only': '# T\n## A\n### 1. B\n### 2. C\n',
    'long line': '## 🔴 B\n### 1. A\n' + '[X] '.repeat(12_500),
    crlf: '## 🔴 B\r\n### 1. A\r\n**Estado**: ⏳\r\nPR: [LINK]\r\n',
    'ten megabytes': '## 🔴 B\n### 1. A\n**Estado**: ⏳\n```\nPR: [LINK]\n```\n'.repeat(200_000),
    'heading soup': '#\n##\n###\n### 1.\n### 2. \n#### 3. x\n'.repeat(50),
    'nested fences and lists': '## 🔴 B\n### 1. A\n- [ ] a\n  ```\n  [X]\n  - [x] b\n  ```\n> ```\n> [Y]\n',
    bom: '\uFEFF## 🔴 B\n### 1. A\nPR: [LINK]\n',
    'deep lists':
      '# Release checklist\n' + Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i}`).join('\n'),
    'many deliverables': '# Release checklist\n## A\n' + '- [ ] task — Owner: Ana\n  - [x] sub\n'.repeat(500),
    'wide table':
      '# Go-live\n| ' +
      Array.from({ length: 100 }, (_, i) => `Status ${i}`).join(' | ') +
      ' |\n|' +
      '---|'.repeat(100) +
      '\n' +
      ('| x '.repeat(100) + '|\n').repeat(20),
    'stated counts everywhere': '# Release checklist\n- [ ] a\n\n' + '3 items, 1 completed.\n\n'.repeat(500),
  };
  for (const [name, text] of Object.entries(inputs)) {
    test(`${name}: findings stay inside the document`, () => {
      const analysis = analyze(text);
      const lines = text.split('\n');
      for (const f of analysis.findings) {
        assert.ok(f.range.start.line < lines.length && f.range.end.line < lines.length, name);
        assert.ok(f.range.end.character <= (lines[f.range.end.line]?.length ?? 0), name);
      }
    });
  }

  test('CRLF lines keep their placeholder ranges', () => {
    const f = analyze(inputs['crlf'] ?? '').findings[0];
    assert.deepEqual(f?.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } });
  });

  test('a document over the size limit gets one information finding', () => {
    const analysis = new ChecklistAnalyzer().analyze('## 🔴 B\n### 1. A\n[X]\n'.repeat(100), { maxSize: 100 });
    assert.equal(analysis.findings.length, 1);
    assert.equal(analysis.findings[0]?.code, 'skipped-large-file');
    assert.equal(analysis.findings[0]?.severity, 'information');
  });
});

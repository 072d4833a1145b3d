// The templates behind the welcome view's "Create checklist from template": each is a checklist
// Readiness understands, in its language, with blockers, a summary in step and nothing but blanks to fill.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { defaultChecklistGlobs, isChecklist } from '../../server/src/core/detect';
import { repoRoot } from '../support/paths';

const templates = [
  { file: 'ENTREGABLES.es.md', savedAs: 'ENTREGABLES.md', language: 'es' },
  { file: 'DELIVERABLES.en.md', savedAs: 'DELIVERABLES.md', language: 'en' },
] as const;

describe('checklist templates', () => {
  for (const template of templates) {
    test(`${template.file}: a ${template.language} checklist with blockers, all pending, only placeholders to fill`, () => {
      const text = readFileSync(join(repoRoot, 'templates', template.file), 'utf8');
      assert.ok(isChecklist(template.savedAs, text, defaultChecklistGlobs), 'detected by its default name');
      assert.ok(isChecklist('notes.md', text, []), 'detected by its state fields under any name');
      const { checklist, progress, findings } = new ChecklistAnalyzer().analyze(text, { today: '2030-01-01' });
      assert.equal(checklist.language, template.language);
      assert.deepEqual(progress, {
        blockers: { done: 0, total: 4 },
        items: { done: 0, total: 6 },
        checks: { done: 0, total: 3 },
      });
      assert.ok(
        checklist.items.every(
          (item) => item.state === 'pending' && item.owner !== undefined && item.deadline !== undefined,
        ),
      );
      assert.deepEqual([...new Set(findings.map((f) => f.code))], ['unfilled-placeholder']);
      assert.equal(
        checklist.summary?.groups.flatMap((g) => g.entries).filter((e) => e.itemId !== undefined && e.nameMatches)
          .length,
        6,
      );
    });
  }
});

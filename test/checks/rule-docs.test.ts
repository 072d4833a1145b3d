// Every rule's docs anchor points at a real heading of README.md (the README is packaged in the VSIX,
// `docs/` is not): headings are read with remark, and anchors made the way GitHub and VS Code's
// markdown preview make them (lower case, punctuation dropped, spaces to hyphens).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { RULES } from '../../server/src/core/rules/registry';
import { repoRoot } from '../support/paths';

const slug = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function headingAnchors(markdown: string): Set<string> {
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const anchors = new Set<string>();
  visit(tree, 'heading', (heading: Heading) => {
    anchors.add(slug(toString(heading)));
  });
  return anchors;
}

describe('rules documentation', () => {
  const anchors = headingAnchors(readFileSync(join(repoRoot, 'README.md'), 'utf8'));

  test('anchors are made as the preview makes them', () => {
    assert.equal(slug('For supervisors'), 'for-supervisors');
    assert.equal(slug('Gate a pipeline'), 'gate-a-pipeline');
    assert.equal(slug('unfilled-placeholder'), 'unfilled-placeholder');
    assert.ok(anchors.has('quick-start') && anchors.has('evidence-stamps'), [...anchors].join(', '));
  });

  test("every rule's docsAnchor is a README heading of its own", () => {
    const wrong = RULES.filter((rule) => {
      const [file, anchor] = rule.docsAnchor.split('#');
      return file !== 'README.md' || anchor === undefined || !anchors.has(anchor);
    }).map((rule) => `${rule.id}: ${rule.docsAnchor}`);
    assert.deepEqual(wrong, []);
    assert.equal(new Set(RULES.map((rule) => rule.docsAnchor)).size, RULES.length, 'one section per rule');
  });
});

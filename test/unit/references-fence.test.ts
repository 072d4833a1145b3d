// The fence in the core: which written paths can only lie outside the workspace, and that
// resolution never names a path outside the first base, nor says anything about one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../server/src/core/messages';
import {
  gatherFileFacts,
  referenceFindings,
  referenceHoverAt,
  referenceLinks,
  referencePaths,
  resolveReferences,
} from '../../server/src/core/references';
import { asOutsidePath } from '../../server/src/core/model/references/pathLike';
import { memoryProbe } from '../support/memoryFiles';
import { analysisOf } from '../support/analyses';

describe('paths that can only lie outside a workspace', () => {
  test('home, system folders and drive paths are; API routes and relative paths are not', () => {
    for (const path of [
      '~/.ssh/id_rsa',
      '~',
      '/etc/passwd',
      '/home/me/.aws/credentials',
      '/Users/me/.npmrc',
      '/var/log/',
      'C:\\Windows\\win.ini',
      'D:/secrets.txt',
    ]) {
      assert.ok(asOutsidePath(path), path);
    }
    for (const path of [
      '/api/health',
      '/api/v1/users.json',
      '/health',
      'docs/runbook.md',
      '../docs/x.md',
      '/etcetera/x',
      'https://example.com/etc/passwd',
    ]) {
      assert.equal(asOutsidePath(path), undefined, path);
    }
  });
});

describe('resolution inside the fence only', () => {
  const text = [
    '# Entregables',
    '',
    '## 🔴 BLOQUERS',
    '',
    '### 1. Runbook',
    '',
    '**Estado**: ⏳ Pendiente',
    '',
    'Ver `docs/runbook.md`, `../../../../etc/passwd`, `../secret.md`, `/etc/shadow`, `~/.ssh/id_rsa` y `../../secret.md`.',
    '',
    '### 2. B',
    '',
    '**Estado**: ⏳ Pendiente',
    '',
    '### 3. C',
    '',
    '**Estado**: ⏳ Pendiente',
    '',
  ].join('\n');
  const files = {
    '/ws/docs/runbook.md': '# Runbook\n',
    '/secret.md': '# Secret heading\n',
    '/etc/shadow': 'root:x\n',
    '/outside.md': '# Outside\n',
  };

  test('only paths under the first base are probed: `../secret.md` from the checklist folder /ws/release stays in /ws', async () => {
    const { checklist } = analysisOf(text);
    const asked: string[] = [];
    const probe = memoryProbe(files);
    const spy = {
      stat: (path: string, fence?: string) => (asked.push(path), probe.stat(path, fence)),
      readText: (path: string) => probe.readText(path),
    };
    const bases = ['/ws', '/ws/release'];
    await gatherFileFacts(referencePaths(checklist, bases), spy, bases[0]);
    assert.deepEqual(asked.sort(), ['/ws/docs/runbook.md', '/ws/release/docs/runbook.md', '/ws/secret.md']);
  });

  test('outside references: no finding, no link, a hover that only says so', async () => {
    const { checklist } = analysisOf(text);
    const bases = ['/ws'];
    const facts = await gatherFileFacts(referencePaths(checklist, bases), memoryProbe(files), bases[0]);
    const ctx = { checklist, bases, facts, t: translator('en') };
    const states = resolveReferences(checklist, bases, facts).map((r) => [r.reference.text, r.state]);
    assert.deepEqual(states, [
      ['docs/runbook.md', 'exists'],
      ['../../../../etc/passwd', 'outside'],
      ['../secret.md', 'outside'],
      ['/etc/shadow', 'outside'],
      ['~/.ssh/id_rsa', 'outside'],
      ['../../secret.md', 'outside'],
    ]);
    assert.deepEqual(referenceFindings(ctx), []);
    assert.deepEqual(
      referenceLinks(ctx).map((l) => l.path),
      ['/ws/docs/runbook.md'],
    );
    const line = text.split('\n').findIndex((l) => l.startsWith('Ver '));
    const hover = referenceHoverAt(ctx, { line, character: text.split('\n')[line]?.indexOf('etc/shadow') ?? 0 });
    assert.equal(hover?.markdown, '`/etc/shadow` — outside the workspace: not looked at');
  });

  test('a fact that says "outside" (a symbolic link out) makes the reference outside', () => {
    const { checklist } = analysisOf(text);
    const facts = new Map([['/ws/docs/runbook.md', { exists: false as const, outside: true }]]);
    assert.equal(resolveReferences(checklist, ['/ws'], facts)[0]?.state, 'outside');
  });
});

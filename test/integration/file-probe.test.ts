// The CLI's snapshot file probe (synchronous, real paths resolved once) against the
// language server's probe on the same tree: the same facts and the same fence verdicts,
// symbolic links in and out of the folder, missing files under missing folders included.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createFileProbe, createSnapshotFileProbe } from '../../server/src/node/fileProbe';

describe('the CLI snapshot file probe', () => {
  const top = mkdtempSync(join(tmpdir(), 'readiness-probe-'));
  after(() => rmSync(top, { recursive: true, force: true }));
  const repo = join(top, 'repo');
  const outside = join(top, 'outside');
  mkdirSync(join(repo, 'docs', 'playbooks'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(repo, 'docs', 'runbook.md'), '# Runbook\n\n## Rollback\n');
  writeFileSync(join(repo, 'docs', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  writeFileSync(join(repo, 'notes.txt'), 'plain\n');
  writeFileSync(join(outside, 'secret.md'), '# Not yours\n');
  symlinkSync(outside, join(repo, 'escape'));
  symlinkSync(join(outside, 'secret.md'), join(repo, 'docs', 'linked.md'));
  symlinkSync(join(repo, 'docs'), join(repo, 'docs-alias'));
  symlinkSync(join(repo, 'nowhere'), join(repo, 'dangling.md'));

  const paths = [
    'docs/runbook.md',
    'docs/binary.md',
    'docs/playbooks',
    'docs/playbooks/missing.md',
    'missing/deeper/still/missing.md',
    'notes.txt',
    'notes.txt/inside-a-file.md',
    'escape/secret.md',
    'escape/missing.md',
    'docs/linked.md',
    'docs-alias/runbook.md',
    'dangling.md',
    '../outside/secret.md',
  ].map((path) => join(repo, path));
  paths.push(join(outside, 'secret.md'), '/etc/passwd', repo);

  test('the same stat and the same verdict as the server probe, fenced and not', async () => {
    const snapshot = createSnapshotFileProbe();
    const server = createFileProbe();
    for (const fence of [repo, undefined]) {
      for (const path of paths) {
        const expected = await server.stat(path, fence);
        assert.deepEqual(await snapshot.stat(path, fence), expected, `${path} fenced by ${fence ?? 'nothing'}`);
        // A second look answers from what the first one resolved, the same.
        assert.deepEqual(await snapshot.stat(path, fence), expected, `${path}, again`);
      }
    }
    assert.equal(await snapshot.stat(join(repo, 'escape', 'secret.md'), repo), 'outside');
    assert.equal(await snapshot.stat(join(repo, 'docs', 'linked.md'), repo), 'outside');
    assert.equal((await snapshot.stat(join(repo, 'docs-alias', 'runbook.md'), repo)) === 'outside', false);
  });

  test('the same text, none for a binary or missing file', async () => {
    const snapshot = createSnapshotFileProbe();
    const server = createFileProbe();
    for (const path of paths) assert.equal(await snapshot.readText(path), await server.readText(path), path);
    assert.equal(await snapshot.readText(join(repo, 'docs', 'runbook.md')), '# Runbook\n\n## Rollback\n');
    assert.equal(await snapshot.readText(join(repo, 'docs', 'binary.md')), undefined);
  });
});

// The protocol module is the one list of command ids: package.json declares the same ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { COMMANDS } from '../../server/src/protocol';
import { repoRoot } from '../support/paths';

/** Registered by the client but run only by code actions or VS Code itself, so not in the manifest. */
const NOT_CONTRIBUTED = new Set<string>([COMMANDS.linkExistingFile, COMMANDS.focusChecklistView]);

describe('protocol: command ids', () => {
  test("package.json contributes exactly the protocol module's commands", () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const declared = Object.values(COMMANDS)
      .filter((id) => !NOT_CONTRIBUTED.has(id))
      .sort();
    assert.deepEqual(contributed, declared);
  });
});

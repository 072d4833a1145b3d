// Layers that run one way, checked on the import graph read from the sources: no module imports
// one that (directly or not) imports it back, and the model layer (markdown parsing, the model
// and the reference extraction it keeps in the block facts) imports nothing from the layers that
// use it (analyzer, rules, features, references, smoke, secrets, view). ESLint keeps the core away
// from lsp/cli/node/client and the client away from all of the server but its protocol module.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importCycles, importGraph, type ImportEdge } from '../support/imports';

const { files, edges } = importGraph(['server/src', 'client/src']);

/** The bottom of the core: what the model is made of. */
const MODEL_LAYER =
  /^server\/src\/core\/(?:model|markdown)\/|^server\/src\/core\/(?:placeholders|types|messages|dates)\.ts$/;

describe('layers', () => {
  test('the import graph was read', () => {
    assert.ok(files.length > 100 && edges.length > 300, `${files.length} files, ${edges.length} imports`);
  });

  test('no import cycle between modules (imports that load code)', () => {
    assert.deepEqual(
      importCycles(
        files,
        edges.filter((edge) => !edge.typeOnly),
      ),
      [],
    );
  });

  test('the model layer imports nothing above it, not even types', () => {
    const upward = edges
      .filter((edge) => MODEL_LAYER.test(edge.from) && !MODEL_LAYER.test(edge.to))
      .map((edge) => `${edge.from} → ${edge.to}`);
    assert.deepEqual(upward, []);
  });

  test('the protocol module imports nothing of the server', () => {
    const out = edges.filter(
      (edge) => edge.from.startsWith('server/src/protocol/') && !edge.to.startsWith('server/src/protocol/'),
    );
    assert.deepEqual(out, []);
  });

  test('the checks would see a cycle and an upward import', () => {
    const fake: ImportEdge[] = [
      { from: 'a.ts', to: 'b.ts', typeOnly: false },
      { from: 'b.ts', to: 'a.ts', typeOnly: false },
    ];
    assert.deepEqual(importCycles(['a.ts', 'b.ts'], fake), [['a.ts', 'b.ts']]);
    assert.ok(
      MODEL_LAYER.test('server/src/core/model/facts.ts') && !MODEL_LAYER.test('server/src/core/references/fixes.ts'),
    );
  });
});

// Environments per checklist: the Testing view's tree gives each checklist the environments of its
// own settings (server/src/lsp/smokeTestTree.ts), the run profiles are their union, and a profile
// runs a checklist in its environment only when the checklist has it (client/src/testing/environments.ts).
// The restored last results the server words for the sidebar (server/src/lsp/restoredResults.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checklistInView, runEnvironment } from '../../client/src/testing/environments';
import type { ChecklistResult, SmokeChecklistNode, SmokeTestTreeResult } from '../../server/src/protocol';
import { ranAtText, restoredEntries } from '../../server/src/lsp/restoredResults';
import { environmentNames, smokeChecklistNode } from '../../server/src/lsp/smokeTestTree';

const env = (baseUrl: string) => ({ baseUrl, allowedHosts: [] });
const node = (uri: string, environments: string[], environment?: string): SmokeChecklistNode => ({
  uri,
  label: uri,
  relativePath: uri,
  items: [],
  environments,
  ...(environment === undefined ? {} : { environment }),
});

describe('Testing view: environments per checklist', () => {
  test("a checklist's node carries its own settings' environments and current one", () => {
    const result = {
      uri: 'file:///a/ENTREGABLES.md',
      checklist: undefined,
      smokeTests: [],
    } as unknown as ChecklistResult;
    const t = (key: string) => key;
    const withCanary = smokeChecklistNode(
      result,
      'ENTREGABLES.md',
      { environments: { staging: env('https://s.example'), canary: env('https://c.example') }, environment: 'canary' },
      t,
    );
    assert.deepEqual(withCanary.environments, ['staging', 'canary']);
    assert.equal(withCanary.environment, 'canary');
    const none = smokeChecklistNode(result, 'ENTREGABLES.md', { environments: {}, environment: undefined }, t);
    assert.deepEqual(none.environments, []);
    assert.equal('environment' in none, false);
  });

  test('the run profiles: every environment of the listed checklists once, in order of first appearance', () => {
    assert.deepEqual(
      environmentNames([node('a', ['staging', 'canary']), node('b', []), node('c', ['prod', 'staging'])]),
      ['staging', 'canary', 'prod'],
    );
    assert.deepEqual(environmentNames([]), []);
  });

  test("the status bar speaks for the active editor's checklist, else the first listed", () => {
    const tree: SmokeTestTreeResult = {
      checklists: [node('a', ['staging']), node('b', ['canary'], 'canary')],
      complete: true,
      environments: ['staging', 'canary'],
    };
    assert.equal(checklistInView(tree, 'b')?.environment, 'canary');
    assert.equal(checklistInView(tree, 'notes.md')?.uri, 'a');
    assert.equal(checklistInView(tree, undefined)?.uri, 'a');
    assert.equal(checklistInView(undefined, 'b'), undefined);
  });

  test("'Run in NAME' runs a checklist in NAME only when its settings have it; 'Run' in its current environment", () => {
    const a = node('a', ['staging', 'canary'], 'staging');
    const b = node('b', ['staging']);
    assert.deepEqual(runEnvironment(a, 'canary'), { run: true, environment: 'canary' });
    assert.deepEqual(runEnvironment(b, 'canary'), { run: false, missing: 'canary' });
    assert.deepEqual(runEnvironment(a, undefined), { run: true, environment: 'staging' });
    assert.deepEqual(runEnvironment(b, undefined), { run: true, environment: undefined });
  });
});

describe('restored last results (readiness/restoreSmokeResults)', () => {
  const now = new Date(2026, 11, 3, 16, 0, 0);

  test('today as a time of day, another day with its date (local time)', () => {
    assert.equal(ranAtText(new Date(2026, 11, 3, 9, 5, 7), now), '09:05:07');
    assert.equal(ranAtText(new Date(2026, 11, 2, 23, 59, 1), now), '2026-12-02 23:59');
    assert.equal(ranAtText(new Date(2025, 11, 3, 9, 5, 7), now), '2025-12-03 09:05');
  });

  test('well-formed entries are kept and worded; cancelled, malformed and oversized ones are left out', () => {
    const ranAtMs = new Date(2026, 11, 3, 15, 30, 0).getTime();
    const good = { uri: 'file:///a.md', testKey: 'tabc', outcome: 'failed', status: 500, reason: 'HTTP 500', ranAtMs };
    const entries = restoredEntries(
      {
        results: [
          good,
          { ...good, testKey: 'tpass', outcome: 'passed', status: undefined, elapsedMs: 31, reason: '' },
          { ...good, outcome: 'cancelled' },
          { ...good, outcome: 'exploded' },
          { ...good, testKey: '' },
          { ...good, uri: 42 },
          { ...good, reason: 'x'.repeat(10_000) },
          { ...good, ranAtMs: Number.NaN },
          { ...good, ranAtMs: 1e20 },
          { ...good, status: -1, elapsedMs: 'fast' },
          null,
          'junk',
        ],
      },
      now,
    );
    assert.deepEqual(entries, [
      {
        uri: 'file:///a.md',
        testKey: 'tabc',
        last: { outcome: 'failed', reason: 'HTTP 500', ranAt: '15:30:00', status: 500 },
      },
      {
        uri: 'file:///a.md',
        testKey: 'tpass',
        last: { outcome: 'passed', reason: '', ranAt: '15:30:00', elapsedMs: 31 },
      },
      { uri: 'file:///a.md', testKey: 'tabc', last: { outcome: 'failed', reason: 'HTTP 500', ranAt: '15:30:00' } },
    ]);
    for (const junk of [undefined, null, {}, { results: 'x' }, []]) assert.deepEqual(restoredEntries(junk, now), []);
  });
});

// What the two windows of the reload suite agree on: the sample's smoke tests they look at.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ReadinessTestApi } from '../../../client/src/testApi';
import { sampleUri } from '../support/readiness';

/** Smoke test 1 (GET /api/health): the stand-in fails it in the first window, run from the Testing view. */
export const FAILING = 'Smoke test 1 · GET /api/health';
/** Smoke test 2 (POST /api/greeting): passes in the first window, run from its code lens. */
export const PASSING = 'Smoke test 2 · POST /api/greeting';

/** The sample's smoke tests in the Testing view, by label. */
export async function sampleTests(api: ReadinessTestApi): Promise<Map<string, vscode.TestItem>> {
  await api.testing.refresh();
  const file = api.testing.controller.items.get(sampleUri().toString());
  assert.ok(file, 'the sample is listed in the Testing view');
  const tests = new Map<string, vscode.TestItem>();
  file.children.forEach((item) => item.children.forEach((test) => tests.set(test.label, test)));
  return tests;
}

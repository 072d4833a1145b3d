// The server's per-document analyses: whoever asks for a document's analysis gets the
// analysis of the text the document has now, even when an edit lands while an analysis
// of the previous text is still completing (its file checks are asynchronous).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../server/src/core/api';
import { DocumentAnalyses, type AnalysisHost } from '../../server/src/lsp/documentAnalyses';
import { defaultSettings } from '../../server/src/lsp/settings';
import { sampleText } from '../support/paths';
import { testService } from '../support/sidebar';

const URI = 'file:///work/ENTREGABLES.md';
const PLACEHOLDER = '[PEGAR ENLACE AL PR]';

/** A host whose file checks (`complete`) finish only when the test says so. */
function controlledHost(document: TextDocument) {
  // Each call of `complete`, as a function that finishes it; `nextCompletion` waits for the next call.
  const completions: (() => void)[] = [];
  let called: (() => void) | undefined;
  const nextCompletion = async (): Promise<() => void> => {
    if (completions.length === 0) await new Promise<void>((resolve) => (called = resolve));
    return completions.shift() ?? assert.fail('no completion');
  };
  const published: { version: number; line: number | undefined }[] = [];
  const errors: string[] = [];
  const host: AnalysisHost = {
    service: testService,
    document: (uri) => (uri === URI ? document : undefined),
    settings: () => Promise.resolve(defaultSettings),
    relativePath: () => 'ENTREGABLES.md',
    locale: () => undefined,
    today: () => '2025-12-01',
    published: (_document, version, analysis) =>
      published.push({ version, line: analysis && placeholderLine(analysis) }),
    complete: (_uri, analysis) =>
      new Promise<Analysis>((resolve) => {
        completions.push(() => resolve(analysis));
        called?.();
      }),
    error: (message) => errors.push(message),
  };
  return { host, nextCompletion, published, errors };
}

/** The line of the sample's first PR-link placeholder in an analysis. */
function placeholderLine(analysis: Analysis): number | undefined {
  return analysis.checklist.items
    .flatMap((item) => item.placeholders)
    .find((p) => p.text.includes('PEGAR ENLACE AL PR'))?.range.start.line;
}

describe('per-document analyses', () => {
  test("an edit that lands while the previous text is being completed: callers get the new text's analysis", async () => {
    const text = sampleText();
    const line = text.split('\n').findIndex((l) => l.includes(PLACEHOLDER));
    assert.ok(line > 0);
    // TextDocuments updates the open document in place, as this test does.
    const document = TextDocument.create(URI, 'markdown', 1, text);
    const { host, nextCompletion, published, errors } = controlledHost(document);
    const analyses = new DocumentAnalyses(host);

    const first = analyses.current(URI);
    const finishFirst = await nextCompletion();

    // Two lines inserted at the top (version 2), scheduled as didChange does; then a request for it.
    TextDocument.update(document, [{ text: `\n\n${text}` }], 2);
    analyses.schedule(URI);
    const second = analyses.current(URI);
    // Version 1's completion finishes before the run for version 2 starts; then version 2 is analysed in turn.
    finishFirst();
    (await nextCompletion())();
    // Both callers read the document's text as it is now (version 2): their analysis is of that text.
    for (const analysis of await Promise.all([first, second])) {
      assert.equal(analysis && placeholderLine(analysis), line + 2, 'the analysis of the text the caller sees');
    }
    assert.deepEqual(published, [
      { version: 1, line },
      { version: 2, line: line + 2 },
    ]);
    assert.deepEqual(errors, []);
  });

  test('an analysis that fails answers its callers with no analysis, once, and says why', async () => {
    const document = TextDocument.create(URI, 'markdown', 1, sampleText());
    const { host } = controlledHost(document);
    const errors: string[] = [];
    const analyses = new DocumentAnalyses({
      ...host,
      complete: () => Promise.reject(new Error('disk on fire')),
      error: (message) => errors.push(message),
    });
    assert.equal(await analyses.current(URI), undefined);
    assert.equal(await analyses.current(URI), undefined);
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /disk on fire/);
  });
});

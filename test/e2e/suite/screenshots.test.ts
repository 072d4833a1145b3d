// Scenes of the real workbench, photographed on every offline run into
// test-results/screenshots/<name>.png (the best are copied by hand to docs/images/). In
// desktop VS Code the scenes are still set up, which smoke-tests the commands, but nothing is saved.
//
// To add a scene (e.g. the Readiness sidebar once it exists): append to `scenes` a name, a
// title and a show() that brings the UI into view through VS Code commands and returns a
// selector of what must be visible before the picture, e.g.
//   { name: 'sidebar', title: 'the Readiness sidebar', show: async () => {
//       await vscode.commands.executeCommand('workbench.view.extension.readiness');
//       return { waitForSelector: '.pane-body .monaco-list-row' };
//   } }
import * as vscode from 'vscode';
import { sampleUri, someReadinessDiagnostics } from '../support/readiness';
import { screenshot, type ScreenshotOptions } from '../support/screenshot';

/** Smoke test 1's "Estado: [✅ PASSED / ❌ FAILED]" (line 92): it has a diagnostic, a hover and quick fixes. */
const CHOICE_LINE = 91;
const CHOICE = '[✅ PASSED / ❌ FAILED]';
/** The opening fence of item 3's smoke tests (line 86). */
const SMOKE_BLOCK_LINE = 85;

async function showChoicePlaceholder(): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
  await someReadinessDiagnostics(sampleUri());
  const character = editor.document.lineAt(CHOICE_LINE).text.indexOf(CHOICE) + 1;
  const position = new vscode.Position(CHOICE_LINE, Math.max(character, 0));
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return editor;
}

interface Scene {
  readonly name: string;
  readonly title: string;
  show(): Promise<ScreenshotOptions>;
}

const scenes: Scene[] = [
  {
    name: 'checklist-problems',
    title: 'the sample checklist with its diagnostics in the Problems panel',
    show: async () => {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await showChoicePlaceholder();
      return { waitForSelector: '.markers-panel .monaco-list-row' };
    },
  },
  {
    name: 'hover',
    title: 'the hover of a placeholder',
    show: async () => {
      await showChoicePlaceholder();
      await vscode.commands.executeCommand('editor.action.showHover');
      return { waitForSelector: '.monaco-hover:not(.hidden) .hover-contents', pressAfter: 'Escape' };
    },
  },
  {
    name: 'code-actions',
    title: 'the quick-fix menu of a choice placeholder',
    show: async () => {
      await showChoicePlaceholder();
      await vscode.commands.executeCommand('editor.action.quickFix');
      // The menu, or VS Code's "no code actions" message while the server offers none.
      return { waitForSelector: '.action-widget, .monaco-editor-overlaymessage', pressAfter: 'Escape' };
    },
  },
  {
    name: 'smoke-code-lenses',
    title: 'the code lenses that run the smoke tests of item 3',
    show: async () => {
      const editor = await vscode.window.showTextDocument(sampleUri(), { preview: false });
      await someReadinessDiagnostics(sampleUri());
      // Line 86 (1-based): the opening fence of item 3's shell block, with "▶ Run all smoke tests" above it.
      editor.revealRange(new vscode.Range(SMOKE_BLOCK_LINE, 0, SMOKE_BLOCK_LINE, 0), vscode.TextEditorRevealType.AtTop);
      return { waitForSelector: '.monaco-editor .codelens-decoration a' };
    },
  },
];

suite('screenshots', () => {
  for (const scene of scenes) {
    test(`${scene.name}: ${scene.title}`, async () => {
      await screenshot(scene.name, await scene.show());
    });
  }
});

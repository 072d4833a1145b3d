// "Create checklist from template": copies a Spanish or English template shipped in templates/
// to where the user chooses, never over an existing file without asking.
import * as vscode from 'vscode';

interface Template {
  readonly language: 'es' | 'en';
  readonly label: string;
  readonly file: string;
  readonly defaultName: string;
}

const TEMPLATES: readonly Template[] = [
  { language: 'es', label: 'Español', file: 'ENTREGABLES.es.md', defaultName: 'ENTREGABLES.md' },
  { language: 'en', label: 'English', file: 'DELIVERABLES.en.md', defaultName: 'DELIVERABLES.md' },
];

/** What a caller (a test, a task) may pass to skip the questions; the overwrite question is always asked. */
export interface CreateFromTemplateOptions {
  readonly language?: 'es' | 'en';
  readonly target?: vscode.Uri;
}

export async function createChecklistFromTemplate(
  extensionUri: vscode.Uri,
  options: CreateFromTemplateOptions = {},
): Promise<vscode.Uri | undefined> {
  const t = vscode.l10n.t;
  const template = options.language ? TEMPLATES.find((c) => c.language === options.language) : await pickTemplate();
  if (!template) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      title: t('Save the new checklist'),
      saveLabel: t('Create checklist'),
      filters: { Markdown: ['md'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, template.defaultName) } : {}),
    }));
  if (!target) return undefined;
  if (await exists(target)) {
    const replace = t('Replace');
    const answer = await vscode.window.showWarningMessage(
      t('{0} already exists. Replace it with the template?', vscode.workspace.asRelativePath(target)),
      { modal: true },
      replace,
    );
    if (answer !== replace) return undefined;
  }
  const text = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'templates', template.file));
  await vscode.workspace.fs.writeFile(target, text);
  await vscode.window.showTextDocument(target);
  return target;
}

async function pickTemplate(): Promise<Template | undefined> {
  // The display language's template first.
  const preferred = vscode.env.language.startsWith('es') ? 'es' : 'en';
  const ordered = [...TEMPLATES].sort((a, b) => Number(b.language === preferred) - Number(a.language === preferred));
  const picked = await vscode.window.showQuickPick(
    ordered.map((template) => ({ label: template.label, description: template.defaultName, template })),
    {
      title: vscode.l10n.t('Create checklist from template'),
      placeHolder: vscode.l10n.t('Language of the new checklist'),
    },
  );
  return picked?.template;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

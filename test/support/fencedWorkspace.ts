// A workspace folder next to an "outside" folder, with references from inside that lead out
// (`../..`, absolute, `~/`, symbolic links): for the fence tests of the server and the CLI.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const SECRET_HEADING = 'Outside heading Kp4mZ';

/** A workspace folder next to an "outside" folder holding a markdown file and a folder; links from inside lead there. */
export function fencedWorkspace(): { root: string; workspace: string; outside: string; checklist: string } {
  const root = mkdtempSync(join(tmpdir(), 'readiness-fence-'));
  const workspace = join(root, 'repo');
  const outside = join(root, 'outside');
  mkdirSync(join(workspace, 'docs'), { recursive: true });
  mkdirSync(join(outside, 'private'), { recursive: true });
  writeFileSync(join(outside, 'secret.md'), `# ${SECRET_HEADING}\n\nsecret notes\n`);
  writeFileSync(join(outside, 'private', 'keys.md'), `# ${SECRET_HEADING}\n`);
  writeFileSync(join(workspace, 'docs', 'runbook.md'), '# Runbook\n');
  symlinkSync(join(outside, 'secret.md'), join(workspace, 'docs', 'linked.md'));
  symlinkSync(join(outside, 'private'), join(workspace, 'shared'));
  const up = relative(workspace, join(outside, 'secret.md'));
  const checklist = [
    '# Entregables',
    '',
    '## 🔴 BLOQUERS',
    '',
    '### 1. Runbook',
    '',
    '**Estado**: ⏳ Pendiente',
    '',
    `Ver \`docs/runbook.md\`, \`${up}\`, \`../../../../etc/passwd\`, \`/etc/passwd\` y \`~/.ssh/id_rsa\`.`,
    '',
    'Enlazados: `docs/linked.md`, `shared/keys.md`, `shared/missing.md` y `shared/`.',
    '',
    '```',
    `- File: ${up}`,
    '- Directory: ../outside/private/',
    '  - keys.md',
    '```',
    '',
    'Contenido confirmado:',
    `- [x] ${SECRET_HEADING}`,
    '- [x] Not in that file',
    '',
    '### 2. Otro',
    '',
    '**Estado**: ⏳ Pendiente',
    '',
    '### 3. Otro más',
    '',
    '**Estado**: ⏳ Pendiente',
    '',
  ].join('\n');
  writeFileSync(join(workspace, 'ENTREGABLES.md'), checklist);
  return { root, workspace, outside, checklist };
}

export const OUTSIDE_SPANS = [
  '../outside/secret.md',
  '../../../../etc/passwd',
  '/etc/passwd',
  '~/.ssh/id_rsa',
  'docs/linked.md',
  'shared/keys.md',
  'shared/missing.md',
  'shared/',
];

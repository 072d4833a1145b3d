// Is a file what the item delivers? Item 17 "Runbook" delivers docs/runbook.md,
// item 18 "Incident Playbooks" the playbooks in docs/playbooks/. A missing
// deliverable is a warning; a file the item merely mentions is information.
import type { Item } from '../model/checklist';
import type { FileReference } from '../model/references/types';

/** Folders every repository has: naming one says nothing about what an item delivers. */
const GENERIC_FOLDERS = new Set([
  'docs',
  'doc',
  'documentation',
  'data',
  'src',
  'lib',
  'libs',
  'test',
  'tests',
  'spec',
  'specs',
  'services',
  'service',
  'scripts',
  'config',
  'configs',
  'app',
  'apps',
  'server',
  'client',
  'packages',
  'public',
  'assets',
  'static',
  'bin',
  'tools',
  'fixtures',
  'examples',
  'templates',
]);

const DELIVERABLE_KEYS = /^(?:entregables?|deliverables?|runbooks?|playbooks?)$/i;

/** Accent-free, lower-case words with a plural `s` dropped, joined by single spaces and padded. */
function phrase(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w));
  return ` ${words.join(' ')} `;
}

/** The names a reference goes by: its file name without extension and each folder on its path that is not generic. */
function names(reference: FileReference): string[] {
  const segments = reference.path.split('/').filter((s) => s !== '..');
  const last = segments.pop() ?? '';
  const stem = reference.kind === 'file' ? last.replace(/\.[^.]+$/, '') : last;
  return [stem, ...segments]
    .filter((s) => !GENERIC_FOLDERS.has(s.toLowerCase()))
    .map(phrase)
    .filter((p) => p.trim() !== '');
}

export function isDeliverable(reference: FileReference, item: Item): boolean {
  if (reference.key !== undefined && DELIVERABLE_KEYS.test(reference.key.trim())) return true;
  const title = phrase(item.title);
  return names(reference).some((name) => title.includes(name));
}

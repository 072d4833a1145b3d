// Decides whether a word of a checklist is a path. Checklists are full of
// slashes that are not paths (`feature/openai-circuit-breaker`, `OPEN/HALF/CLOSED`,
// `p95/p99`, `Build/Compile`, `[TAG/SHA]`, `application/json`) and of dots that
// are not extensions (`fs.promises`, `openai.requests`, `0.5%`), so a word needs
// positive evidence: a known file extension, a known top-level folder
// (`docs/`, `tests/`, `data/`, `services/`), a `./` prefix, or a context that
// says so (a code span, a `Directory:` key).
import type { ReferenceKind } from './types';

/** Where the word was found: the evidence needed differs. */
export type PathContext = 'text' | 'code-span' | 'field';

export interface PathWord {
  /** Normalised: no `./` prefix, no trailing slash. */
  readonly path: string;
  readonly kind: ReferenceKind;
}

/** Extensions of documents and data, which a bare name in prose may carry (`README.md`). */
const DOCUMENT_EXTENSIONS = new Set([
  'md',
  'markdown',
  'mdown',
  'mkd',
  'txt',
  'rst',
  'adoc',
  'pdf',
  'csv',
  'tsv',
  'log',
  'json',
  'jsonl',
  'yaml',
  'yml',
  'toml',
  'ini',
  'cfg',
  'conf',
  'env',
  'xml',
  'properties',
  'lock',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'ico',
  'bmp',
  'tif',
  'tiff',
  'mp4',
  'mp3',
  'wav',
  'zip',
  'gz',
  'tgz',
  'tar',
  'har',
  'sql',
  'db',
  'sqlite',
  'pem',
  'crt',
  'key',
  'pub',
  'html',
  'htm',
  'css',
]);

/** Extensions of code: product names share them (`Node.js`), so a bare name needs more evidence. */
const CODE_EXTENSIONS = new Set([
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'mts',
  'cts',
  'tsx',
  'vue',
  'svelte',
  'py',
  'rb',
  'go',
  'rs',
  'java',
  'kt',
  'kts',
  'scala',
  'cs',
  'fs',
  'php',
  'pl',
  'sh',
  'bash',
  'zsh',
  'ps1',
  'bat',
  'cmd',
  'c',
  'h',
  'cc',
  'cpp',
  'hpp',
  'swift',
  'm',
  'lua',
  'r',
  'dart',
  'ex',
  'exs',
  'erl',
  'clj',
  'tf',
  'hcl',
  'gradle',
  'mk',
  'proto',
  'graphql',
  'gql',
  'ipynb',
  'dockerfile',
  'scss',
  'sass',
  'less',
]);

/** Top-level folders of a repository: `docs/x`, `tests/e2e/`. Lower case, as folders are written. */
const KNOWN_FOLDERS = new Set([
  'docs',
  'doc',
  'documentation',
  'runbooks',
  'playbooks',
  'tests',
  'test',
  'spec',
  'specs',
  'e2e',
  'data',
  'services',
  'src',
  'lib',
  'libs',
  'scripts',
  'script',
  'config',
  'configs',
  'conf',
  'deploy',
  'deployment',
  'infra',
  'k8s',
  'helm',
  'charts',
  'ops',
  'bin',
  'tools',
  'migrations',
  'public',
  'assets',
  'static',
  'app',
  'apps',
  'server',
  'client',
  'packages',
  'terraform',
  'ansible',
  'fixtures',
  'examples',
  'templates',
  'db',
  'logs',
  'uploads',
  'backups',
  'reports',
  'coverage',
  'dist',
  '.github',
  '.gitlab',
  '.circleci',
  '.vscode',
]);

/**
 * Folders whose names are not also everyday words: `docs/playbooks` in prose is a path, while
 * `client/server`, `test/prod` or `data/analytics` may be a pair of words unless a slash ends them.
 */
const UNAMBIGUOUS_FOLDERS = new Set([
  'docs',
  'doc',
  'documentation',
  'runbooks',
  'playbooks',
  'tests',
  'specs',
  'e2e',
  'services',
  'src',
  'lib',
  'libs',
  'scripts',
  'migrations',
  'fixtures',
  'k8s',
  'helm',
  'charts',
  'terraform',
  'ansible',
  '.github',
  '.gitlab',
  '.circleci',
  '.vscode',
]);

/** Extensions a bare name in prose may carry: documents and configuration, not attachments (`captura.png`). */
const BARE_NAME_EXTENSIONS = new Set([
  'md',
  'markdown',
  'mdown',
  'mkd',
  'txt',
  'rst',
  'adoc',
  'json',
  'jsonl',
  'yaml',
  'yml',
  'toml',
  'ini',
  'cfg',
  'conf',
  'env',
  'xml',
  'properties',
  'lock',
  'sql',
  'html',
  'htm',
  'css',
]);

/** Well-known files without an extension, accepted where the context says "a file". */
const BARE_FILES = new Set([
  'Dockerfile',
  'Makefile',
  'Procfile',
  'Jenkinsfile',
  'Vagrantfile',
  'Gemfile',
  'Brewfile',
  'Containerfile',
]);

/** Products whose names look like files. */
const PRODUCT_NAMES = new Set([
  'node.js',
  'vue.js',
  'next.js',
  'nuxt.js',
  'express.js',
  'react.js',
  'angular.js',
  'ember.js',
  'backbone.js',
  'd3.js',
  'three.js',
  'chart.js',
  'moment.js',
  'p5.js',
  'alpine.js',
  'nest.js',
  'deno.js',
  'socket.io',
]);

// Characters that never occur in the paths a checklist points at, but do in URLs,
// `host:port`, `@handles`, `key=value`, shell variables, templates and globs.
const NOT_IN_PATH = /[:@=?&#%$<>{}*|\\"'`,;!~^[\]()\s]/;
const SEGMENT = /^[\p{L}\p{N}_.+-]+$/u;
const EXTENSION = /^[^.]+(?:\.[^.]+)*\.([A-Za-z0-9]{1,12})$/;
/** `github.com/...`, `ci.example.com/...`: a host, not a folder. */
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,6}$/;

/**
 * A cheap first look: every path asPath accepts has a dot or a slash, or is a well-known
 * file such as `Dockerfile`. Prose is mostly words without either, so most stop here.
 */
export function mayBePath(word: string): boolean {
  return word.includes('/') || word.includes('.') || /file\b/i.test(word);
}

/** Is `word` a path? Returns it normalised with what it names, or undefined. */
export function asPath(word: string, context: PathContext): PathWord | undefined {
  if (word.length === 0 || word.length > 260) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(word) || /^www\./i.test(word)) return undefined;
  if (NOT_IN_PATH.test(word)) return undefined;
  // Absolute paths in a checklist are API routes (`/api/health`); flags start with a dash.
  if (word.startsWith('/') || word.startsWith('-')) return undefined;
  const dotted = /^\.\.?\//.test(word);
  const folderSlash = word.endsWith('/');
  const path = word.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  if (path === '' || path === '.' || path === '..') return undefined;
  const segments = path.split('/');
  if (
    segments.some(
      (s, i) =>
        s === '' || s === '.' || (s === '..' && segments.slice(0, i).some((p) => p !== '..')) || !SEGMENT.test(s),
    )
  )
    return undefined;
  const named = segments.filter((s) => s !== '..');
  const last = named.at(-1) ?? '';
  if (named.length === 0 || /^[\d.]+$/.test(last)) return undefined;
  const extension = EXTENSION.exec(last)?.[1]?.toLowerCase();
  const knownExtension =
    extension !== undefined && (DOCUMENT_EXTENSIONS.has(extension) || CODE_EXTENSIONS.has(extension));
  const kind: ReferenceKind = folderSlash ? 'folder' : knownExtension || BARE_FILES.has(last) ? 'file' : 'any';
  const result = { path, kind };

  if (dotted) return result;
  if (named.length > 1) {
    const first = named[0] ?? '';
    if (DOMAIN.test(first) && !KNOWN_FOLDERS.has(first)) return undefined;
    if (knownExtension) return result;
    if (KNOWN_FOLDERS.has(first) && (folderSlash || context !== 'text' || UNAMBIGUOUS_FOLDERS.has(first)))
      return result;
    if (BARE_FILES.has(last) && context !== 'text') return result;
    if (folderSlash && context !== 'text') return result;
    return undefined;
  }
  // A single name: `docs/`, `README.md`, `openaiService.js`, `Dockerfile`.
  if (folderSlash) return KNOWN_FOLDERS.has(last) || context !== 'text' ? result : undefined;
  if (BARE_FILES.has(last)) return context === 'text' ? undefined : result;
  if (!knownExtension || PRODUCT_NAMES.has(last.toLowerCase()))
    return context === 'field' && extension !== undefined && /^[a-z0-9]+$/i.test(extension) && !/^\d+$/.test(extension)
      ? result
      : undefined;
  if (DOCUMENT_EXTENSIONS.has(extension))
    return context === 'text' && !BARE_NAME_EXTENSIONS.has(extension) ? undefined : result;
  // `Node.js`, `D3.js`: a capitalised word with a code extension is a product, `openaiService.js` a file.
  const stem = last.slice(0, last.length - extension.length - 1);
  return /^[A-Z][A-Z0-9]*[a-z0-9]*$/.test(stem) ? undefined : result;
}

// A home-relative path (`~/.ssh/id_rsa`), a path under a system folder (`/etc/passwd`,
// `/home/me/.aws/credentials`) or a Windows drive path: a file-system path, not an API route.
const OUTSIDE_PATH =
  /^(?:~[\w.-]*(?:\/\S*)?|\/(?:etc|home|root|var|usr|tmp|opt|srv|mnt|media|boot|proc|sys|dev|run|lib|lib64|bin|sbin|Users|Volumes|private|Library|System)(?:\/\S*)?|[A-Za-z]:[\\/]\S*)$/;

/**
 * Is `word` a path that can only lie outside any workspace (`~/.ssh/id_rsa`, `/etc/passwd`,
 * `C:\Windows\win.ini`)? Such a path is kept as written, so that it resolves to nothing but an
 * "outside the workspace" note; it is accepted only where a path is expected (a code span, a
 * `File:` value, a curl `@file`), never in prose.
 */
export function asOutsidePath(word: string): PathWord | undefined {
  if (word.length === 0 || word.length > 260 || !OUTSIDE_PATH.test(word)) return undefined;
  return { path: word.replace(/(?<=.)[\\/]+$/, ''), kind: /[\\/]$/.test(word) ? 'folder' : 'any' };
}

/** Whether a reference's path is absolute or home-relative: outside every workspace. */
export function isOutsidePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
}

/** Punctuation that ends a sentence or wraps a word in prose, stripped before a word is judged. */
export function trimWord(word: string): { readonly word: string; readonly offset: number } {
  let start = 0;
  let end = word.length;
  while (start < end && /[("'`«“‘*[]/.test(word[start] ?? '')) start++;
  // `docs/` keeps its slash; `etc.` and `file.md.` lose the period.
  while (end > start && /[)"'`»”’*.,;:!?\]]/.test(word[end - 1] ?? '')) end--;
  return { word: word.slice(start, end), offset: start };
}

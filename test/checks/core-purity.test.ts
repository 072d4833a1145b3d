// The lint rules that keep server/src/core pure, proven to fire: ESLint's Node API lints
// small in-memory snippets as if they were core files (and, for contrast, node adapter
// files), with the project's own eslint.config.mjs.
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { before, describe, test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { repoRoot } from '../support/paths';

const CORE_FILE = 'server/src/core/purity-probe.ts';
const NODE_FILE = 'server/src/node/purity-probe.ts';

describe('core purity lint rules', () => {
  let eslint: ESLint;
  // Type-aware rules need the file on disk; the architecture rules do not, so they run without types.
  before(() => (eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked })));

  /** One entry per line with a restricted-use problem (an import may break two of the rules at once). */
  const problems = async (code: string, filePath = CORE_FILE) => {
    const [result] = await eslint.lintText(code, { filePath });
    const byLine = new Map<number, string>();
    for (const m of result?.messages ?? [])
      if (m.ruleId?.startsWith('no-restricted-') && !byLine.has(m.line))
        byLine.set(m.line, `${m.ruleId}: ${m.message}`);
    return [...byLine.values()];
  };

  test('every Node built-in, bare, with node: and as a sub-path, is refused in the core', async () => {
    const names = builtinModules.filter((name) => !name.startsWith('node:'));
    assert.ok(names.includes('fs/promises') && names.includes('stream/web') && names.includes('timers/promises'));
    const imports = [
      ...names,
      ...names.map((name) => `node:${name}`),
      'node:sqlite',
      'node:test/reporters',
      'undici',
      'undici/types',
    ];
    const code = imports.map((name, i) => `import * as m${i} from '${name}'; export { m${i} };`).join('\n');
    const found = await problems(code);
    assert.equal(
      found.length,
      imports.length,
      `unflagged: ${imports.filter((name) => !found.some((p) => p.includes(`'${name}'`))).join(', ')}`,
    );
    assert.ok(found.every((p) => p.startsWith('no-restricted-imports:')));
  });

  test('re-exports of built-ins are refused too', async () => {
    assert.equal((await problems(`export { readFile } from 'node:fs/promises';\nexport * from 'os';`)).length, 2);
  });

  test('timers, Buffer and process are refused as globals and through globalThis', async () => {
    const code = [
      'export const a = setTimeout(() => undefined, 1);',
      'export const b = setInterval(() => undefined, 1);',
      'clearTimeout(a);',
      'export const c = Buffer.from("x");',
      'export const d = process.env;',
      'export const e = globalThis.setTimeout(() => undefined, 1);',
      'export const f = globalThis.Buffer;',
      'export const g = globalThis.process.env;',
      'export const h = setImmediate(() => undefined);',
    ].join('\n');
    const found = await problems(code);
    assert.equal(found.length, 9, found.join('\n'));
    assert.ok(found.some((p) => p.includes('Timers go through the Clock port')));
    assert.ok(found.some((p) => p.startsWith('no-restricted-properties:') && p.includes('globalThis.process')));
  });

  test('what the core may use passes: Uint8Array, TextEncoder, AbortController, URL, its own modules', async () => {
    const code = [
      "import { MASK } from './smoke/redact';",
      'export const bytes = new TextEncoder().encode(MASK);',
      'export const copy = new Uint8Array(bytes);',
      'export const controller = new AbortController();',
      "export const url = new URL('http://example.test/');",
    ].join('\n');
    assert.deepEqual(await problems(code), []);
  });

  test("the node adapters may use Node (the rules are the core's only)", async () => {
    assert.deepEqual(
      await problems(
        `import { readFile } from 'node:fs/promises';\nexport const t = setTimeout(() => readFile('x'), 1);`,
        NODE_FILE,
      ),
      [],
    );
  });
});

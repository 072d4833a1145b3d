// Lint rules, including the ones that keep the architecture honest:
// the core imports nothing of an editor, of LSP or of Node (no built-in module, no undici, no
// timers, Buffer or process; test/unit/core-purity.test.ts proves these rules fire); the protocol
// module imports nothing of the server; and the client imports nothing of the server but the
// protocol module.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Every Node built-in, bare and with `node:` (`fs`, `fs/promises`, `node:test`), and undici: the core takes I/O through its ports.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('node:'));
const restrictNode = [...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`), 'undici'];
// Timers, bytes and the process are Node's: timers go through the Clock port, bytes are Uint8Array.
const coreGlobals = [
  ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate'].map((name) => ({
    name,
    message: 'Timers go through the Clock port.',
  })),
  { name: 'Buffer', message: "The core works on Uint8Array; Buffer is Node's." },
  { name: 'process', message: 'The core does no I/O.' },
  { name: 'require', message: 'The core imports nothing of Node.' },
  { name: 'fetch', message: 'HTTP comes in through an interface.' },
];
const clientPatterns = [
  {
    group: ['**/server/src/**', '!**/server/src/protocol', '!**/server/src/protocol/*'],
    message:
      'The client renders what the server computes; of the server it imports only the protocol module (server/src/protocol).',
  },
  {
    group: ['**/server/src/protocol/*'],
    message: 'Import the protocol module through its index (server/src/protocol).',
  },
];

// What a unit test may not import (test/checks/unit-purity.test.ts checks the same, transitively).
const unitIo = [
  'fs',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'dns',
  'dgram',
  'tls',
  'cluster',
  'worker_threads',
  'undici',
];
const unitForbiddenModules = [...unitIo, ...unitIo.filter((name) => name !== 'undici').map((name) => `node:${name}`)];
const unitForbiddenSupport = [
  '**/staging-server/**',
  '**/support/paths',
  '**/support/lspClient',
  '**/support/recordingServer',
  '**/support/corpus',
  '**/support/imports',
  '**/support/diskEdits',
  '**/support/fencedWorkspace',
  '**/fixtures/secrets/corpus',
  '**/server/src/node/**',
];

// The front ends reach the core through its front door: the service, its ports and its types.
const frontDoor = {
  group: ['**/core/**', '!**/core/api', '!**/core/service', '!**/core/ports'],
  message: 'Go through the front door of the core: core/service (operations), core/ports, core/api (types).',
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', 'test/fixtures/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's describe/test return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    // Unit tests run the pure core on in-memory inputs, in one process: no disk, network, DNS or child
    // process, and none of the test support that reads files or starts servers (fixture texts come from
    // support/texts.ts). test/checks/unit-purity.test.ts follows the imports further down.
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: unitForbiddenModules.map((name) => ({
            name,
            message: 'Unit tests do no I/O: move the test to test/integration, or use in-memory inputs.',
          })),
          patterns: [
            {
              group: unitForbiddenModules.map((name) => `${name}/*`),
              message: 'Unit tests do no I/O: move the test to test/integration, or use in-memory inputs.',
            },
            {
              group: unitForbiddenSupport,
              message:
                'This test support reads files or starts servers: unit tests use support/texts.ts and in-memory ports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core is editor-agnostic.' },
            ...restrictNode.map((name) => ({ name, message: 'The core does no I/O; take it through an interface.' })),
          ],
          patterns: [
            { group: ['node:*', 'undici/*'], message: 'The core does no I/O; take it through an interface.' },
            {
              group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-uri'],
              message: 'The core knows nothing of LSP.',
            },
            {
              group: ['**/lsp/**', '**/cli/**', '**/client/**', '**/node/**'],
              message: 'The core depends on nothing outside it.',
            },
            {
              regex: '/protocol(/index)?$',
              message:
                "The core builds the protocol's view model types (protocol/checklistView) and knows no messages.",
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...coreGlobals],
      // The same globals reached through globalThis (`globalThis.setTimeout`).
      'no-restricted-properties': [
        'error',
        ...coreGlobals.map(({ name, message }) => ({ object: 'globalThis', property: name, message })),
      ],
    },
  },
  {
    // The contract between client and server: both compile it, so it depends on no side.
    files: ['server/src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/core/**',
                '**/lsp/**',
                '**/cli/**',
                '**/node/**',
                '**/client/**',
                'vscode',
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageclient*',
              ],
              message: 'The protocol module is a leaf: message types and shapes only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', '**/cli/**', '**/client/**'],
              message: 'The server knows neither the editor nor the CLI.',
            },
            frontDoor,
          ],
        },
      ],
    },
  },
  {
    // Not yet moved behind the front door: the smoke run's secret detector.
    files: ['server/src/lsp/smokeEnvironment.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', '**/cli/**', '**/client/**'],
              message: 'The server knows neither the editor nor the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    // Node adapters of the core's ports (HTTP, files, clock), shared by the language server and the CLI.
    files: ['server/src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', '**/lsp/**', '**/cli/**', '**/client/**'],
              message: 'Node adapters serve both the language server and the CLI and know neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', '**/lsp/**', '**/client/**'],
              message: 'The CLI runs the core without an editor or a language server.',
            },
            frontDoor,
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: clientPatterns,
        },
      ],
    },
  },
  {
    // The sidebar's rows are plain data computed without VS Code, so they are unit-tested on real models.
    files: ['client/src/sidebar/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The sidebar model is plain data; the tree provider turns it into TreeItems.' },
          ],
          patterns: clientPatterns,
        },
      ],
    },
  },
);

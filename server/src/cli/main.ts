// Entry point of dist/cli.js: `readiness check ...`.
// Exit codes: 0 nothing at the --fail-on level, 1 findings at that level, 2 usage or I/O errors.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_SIZE } from '../core/analyzer';
import { defaultChecklistGlobs } from '../core/detect';
import { check } from './check';
import { fails, formatJson, formatText, type FailOn } from './report';

const USAGE = `Usage: readiness check [paths...] [--format text|json] [--fail-on error|warning|none] [--locale en|es]

Checks release checklists (markdown) for unfilled placeholders and other findings.
Paths may be files or folders (searched for markdown files); the default is the current folder.

Exit codes: 0 no findings at the --fail-on level (default: warning), 1 findings, 2 usage or I/O errors.`;

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

async function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'warning' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`readiness: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;
  if (values.help) {
    out(USAGE);
    return EXIT_OK;
  }
  if (command !== 'check') {
    err(command === undefined ? USAGE : `readiness: unknown command "${command}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') return usage(err, `--format must be text or json, not "${format}"`);
  const failOn = values['fail-on'];
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'none') return usage(err, `--fail-on must be error, warning or none, not "${failOn}"`);

  const result = await check({
    paths: paths.length > 0 ? paths : ['.'],
    cwd: process.cwd(),
    globs: defaultChecklistGlobs,
    locale: values.locale ?? localeFromEnvironment(),
    maxSize: DEFAULT_MAX_SIZE,
  });
  const rendered = format === 'json' ? formatJson(result.reports) : formatText(result.reports);
  if (rendered !== '') out(rendered);
  for (const line of result.errors) err(`readiness: ${line}`);
  if (result.errors.length > 0) return EXIT_USAGE;
  return fails(result.reports, failOn as FailOn) ? EXIT_FINDINGS : EXIT_OK;
}

function usage(err: (text: string) => void, message: string): number {
  err(`readiness: ${message}`);
  return EXIT_USAGE;
}

function localeFromEnvironment(): string | undefined {
  const value = process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'];
  return value && value !== 'C' && value !== 'POSIX' ? value.split('.')[0] : undefined;
}

// A closed pipe (`readiness check | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2), (text) => process.stdout.write(text + '\n'), (text) => process.stderr.write(text + '\n')).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`readiness: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);

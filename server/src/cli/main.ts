// `readiness <command>` (dist/cli.js, through `server/src/main.ts`): dispatches the command.
// Exit codes: 0 success, 1 findings (or failed tests), 2 usage or I/O errors.
import { CHECK_USAGE, runCheck } from './checkCommand';
import { GATE_USAGE, runGate } from './gate';
import { REPORT_USAGE, runReport } from './reportCommand';
import { EXIT_OK, EXIT_USAGE, type CommandIo } from './io';
import { runSmoke, SMOKE_USAGE } from './smoke';
import { runVerify, VERIFY_USAGE } from './verify';

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;

const commands: Record<string, Command> = {
  check: (argv, io) =>
    argv.includes('--gate')
      ? runGate(
          argv.filter((a) => a !== '--gate'),
          io,
        )
      : runCheck(argv, io),
  gate: runGate,
  report: runReport,
  smoke: runSmoke,
  verify: runVerify,
};

const usages = {
  check: CHECK_USAGE,
  gate: GATE_USAGE,
  report: REPORT_USAGE,
  smoke: SMOKE_USAGE,
  verify: VERIFY_USAGE,
} as const;

const USAGE = `Usage:
  ${CHECK_USAGE}

  ${GATE_USAGE}

  ${REPORT_USAGE}

  ${SMOKE_USAGE}

  ${VERIFY_USAGE}

Run in CI or a pre-commit hook to keep a release checklist honest.`;

async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(name === undefined ? USAGE : `readiness: unknown command "${name}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  // `readiness check --help`: the command's usage, whatever else is on the line (up to a `--`).
  const options = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
  if (options.includes('--help') || options.includes('-h')) {
    io.out(`Usage: ${usages[name as keyof typeof usages]}`);
    return EXIT_OK;
  }
  return command(rest, io);
}

/** Runs the command line of this process. */
export function runCli(): void {
  // A closed pipe (`readiness check | head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });

  const io: CommandIo = {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    cwd: process.cwd(),
    env: process.env,
    progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
  };

  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // One line, never a stack trace: what failed, not where in the bundle.
      const message = (error instanceof Error ? error.message : String(error)).split(/\r\n|\r|\n/)[0]?.slice(0, 300);
      process.stderr.write(`readiness: internal error: ${message}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

// How a command talks to its caller: output, errors and exit codes, and how it reads its arguments.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Shows a transient status line (empty: clears it); set only when stderr is a terminal. */
  readonly progress?: ((line: string) => void) | undefined;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function localeFromEnvironment(env: CommandIo['env']): string | undefined {
  const value = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'];
  return value && value !== 'C' && value !== 'POSIX' ? value.split('.')[0] : undefined;
}

/** A usage or I/O error: one line on stderr, exit 2. */
export function usage(io: Pick<CommandIo, 'err'>, message: string): number {
  io.err(`readiness: ${message}`);
  return EXIT_USAGE;
}

/** Why a `--today` value is not a `YYYY-MM-DD` date, or undefined when it is one (or absent). */
export function badToday(today: string | undefined): string | undefined {
  return today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)
    ? `--today must be a date such as 2025-12-08, not "${today}"`
    : undefined;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * node's parseArgs over a command's arguments (positionals allowed): its values and positionals, or,
 * for an unknown or malformed option, exit 2 after the message and the command's usage on stderr.
 */
export function parseCommandArgs<const O extends OptionsConfig>(
  argv: readonly string[],
  options: O,
  io: Pick<CommandIo, 'err'>,
  usageText: string,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>> | number {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    io.err(`readiness: ${(error as Error).message}\n\nUsage: ${usageText}`);
    return EXIT_USAGE;
  }
}

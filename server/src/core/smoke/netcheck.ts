// Smoke tests that are not HTTP: `redis-cli [-h H] [-p P] [-a <SECRET>] ping | info server | config get
// maxmemory-policy`, and TCP reachability with `nc -z H P` or `telnet H P`. Parsed from the same shell
// words as curl (nothing is executed); run through the core's TCP port (`tcp.ts`).
import { commandStages, type CommandProblem } from './curl';

export type NetCheck =
  | {
      readonly kind: 'redis';
      readonly host: string;
      readonly port: string;
      /** `-a`, as written (a `<SECRET>` variable, or a literal that is masked like one). */
      readonly password: string | undefined;
      /** `--user` (Redis 6 ACL), as written. */
      readonly user: string | undefined;
      /** The command's words: `PING`, `INFO server`, `CONFIG GET maxmemory-policy`. */
      readonly command: readonly string[];
    }
  | { readonly kind: 'tcp'; readonly program: 'nc' | 'telnet'; readonly host: string; readonly port: string };

export type ParsedCheck =
  { readonly ok: true; readonly check: NetCheck } | { readonly ok: false; readonly problem: CommandProblem };

/** The redis-cli commands a smoke test may send: read-only ones. */
const REDIS_COMMANDS: readonly (readonly string[])[] = [
  ['PING'],
  ['INFO'],
  ['INFO', 'SERVER'],
  ['CONFIG', 'GET', 'MAXMEMORY-POLICY'],
];

/** A redis-cli, nc or telnet command; undefined for any other program (curl, wget, httpie are HTTP). */
export function parseNetCheck(commandLine: string): ParsedCheck | undefined {
  const program = /^\s*(?:time\s+)?(\S+)/.exec(commandLine)?.[1];
  if (program !== 'redis-cli' && program !== 'nc' && program !== 'telnet') return undefined;
  const split = commandStages(commandLine);
  if (!split.ok) return split;
  const [words = [], ...pipe] = split.stages;
  if (words[0] === 'time') words.shift();
  if (pipe.length > 0) return { ok: false, problem: { code: 'unsupported-pipe', program: pipe[0]?.[0] ?? '' } };
  return program === 'redis-cli' ? redisCli(words.slice(1)) : tcpCheck(program, words.slice(1));
}

function redisCli(args: readonly string[]): ParsedCheck {
  let host = '127.0.0.1';
  let port = '6379';
  let password: string | undefined;
  let user: string | undefined;
  const command: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = () => args[++i];
    if (command.length === 0 && ['-h', '-p', '-a', '--user', '--pass'].includes(arg)) {
      const given = value();
      if (given === undefined) return { ok: false, problem: { code: 'missing-argument', option: arg } };
      if (arg === '-h') host = given;
      else if (arg === '-p') port = given;
      else if (arg === '--user') user = given;
      else password = given;
    } else if (command.length === 0 && arg === '--no-auth-warning') {
      continue;
    } else if (command.length === 0 && arg.startsWith('-')) {
      return { ok: false, problem: { code: 'unsupported-option', option: arg } };
    } else {
      command.push(arg);
    }
  }
  const upper = command.map((word) => word.toUpperCase());
  if (
    !REDIS_COMMANDS.some((allowed) => allowed.length === upper.length && allowed.every((word, i) => word === upper[i]))
  ) {
    return { ok: false, problem: { code: 'unsupported-option', option: command.join(' ') || 'redis-cli' } };
  }
  return {
    ok: true,
    check: {
      kind: 'redis',
      host,
      port,
      password,
      user,
      command: upper.map((word, i) => (i === 0 ? word : word.toLowerCase())),
    },
  };
}

function tcpCheck(program: 'nc' | 'telnet', args: readonly string[]): ParsedCheck {
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    // nc's -z (connect, send nothing), -v, -n; -w N is read, but the run's own timeout applies.
    if (program === 'nc' && /^-[zvn]*w$/.test(arg)) i++;
    else if (program === 'nc' && /^-[zvn]+$/.test(arg)) continue;
    else if (arg.startsWith('-')) return { ok: false, problem: { code: 'unsupported-option', option: arg } };
    else operands.push(arg);
  }
  if (program === 'nc' && !args.some((a) => /^-[vnw]*z[vnw]*$/.test(a)))
    return { ok: false, problem: { code: 'unsupported-option', option: 'nc without -z' } };
  const [host, port, ...rest] = operands;
  if (host === undefined || port === undefined)
    return { ok: false, problem: { code: 'missing-argument', option: program } };
  if (rest.length > 0) return { ok: false, problem: { code: 'bad-argument', option: program, value: rest.join(' ') } };
  return { ok: true, check: { kind: 'tcp', program, host, port } };
}

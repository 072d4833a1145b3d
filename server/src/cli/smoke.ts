// `readiness smoke FILE --base-url URL [--only 2,4] [--write] [--timeout MS] [--format text|json]`:
// runs the smoke tests of a checklist with the same core as the editor and,
// with --write, pastes their evidence into FILE atomically.
// Exit codes: 0 every selected test passed, 1 some did not, 2 usage or I/O errors.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import {
  defaultSmokeSettings,
  inEnvironment,
  localDateTime,
  type Language,
  type SmokeRun,
  type SmokeSuite,
  type SmokeTest,
} from '../core/api';
import type { ReadinessService } from '../core/service';
import { writeFileAtomically } from '../node/atomicFile';
import { createFetchHttpClient, type FetchHttpClient } from '../node/fetchHttpClient';
import { RUNNER_VERSION } from '../node/runnerVersion';
import { systemWallClock } from '../node/systemClock';
import { createWorkspaceFileReader } from '../node/workspaceFileReader';
import { CliConfig } from './config';
import {
  EXIT_FINDINGS as EXIT_FAILED,
  EXIT_OK as EXIT_PASSED,
  EXIT_USAGE,
  localeFromEnvironment,
  parseCommandArgs,
  usage,
  type CommandIo,
} from './io';
import { cliService, environmentSecrets } from './service';

export const SMOKE_USAGE = `readiness smoke FILE --base-url URL [--env NAME] [--only 2,4] [--write] [--timeout MS] [--format text|json]
                 [--allow-host HOST]... [--secret-env NAME]... [--insecure] [--workspace DIR] [--locale en|es]
  Runs the curl smoke tests of a checklist against URL, which stands for the document's
  staging host (http://staging-host), one line per test. --write pastes the evidence (output,
  status, response time, captured values) into FILE. Secret variables such as <LOG_TOKEN> come
  from environment variables of the same name, but only names the checklist's secrets list
  declares ("Secrets: - LOG_TOKEN") or --secret-env names are read; they only go to URL's host
  and --allow-host hosts; requests to other hosts are refused. Do not run it on untrusted
  pull-request content. --env NAME runs in an environment of .readiness.json's "environments"
  (its base URL and allowed hosts; default its "environment") and stamps the evidence env=NAME. Upload paths are relative to --workspace (default: FILE's
  folder); -k is honoured only with --insecure. Exit: 0 all selected tests passed, 1 some failed
  or did not run, 2 usage or I/O errors.`;

export interface SmokeIo extends CommandIo {
  /** Cancels the run; the tests that finished still count and are written. */
  readonly signal?: AbortSignal | undefined;
}

/** The `smoke` command of dist/cli.js: Ctrl+C cancels the request in flight and reports what finished. */
export async function runSmoke(argv: readonly string[], io: CommandIo): Promise<number> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    return await smoke(argv, { ...io, signal: controller.signal });
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}

interface SmokeOptions {
  readonly file: string;
  /** --base-url; else the environment's, else `smoke.baseUrl` of the configuration file. */
  readonly baseUrl: string | undefined;
  /** --env: an environment of the configuration file's `environments`. */
  readonly env: string | undefined;
  readonly only: readonly string[] | undefined;
  readonly write: boolean;
  readonly timeoutMs: number | undefined;
  readonly format: 'text' | 'json';
  readonly allowedHosts: readonly string[];
  /** Environment variables named with --secret-env, read even when the checklist does not list them. */
  readonly secretEnv: readonly string[];
  readonly insecure: boolean;
  readonly workspace: string | undefined;
  readonly language: Language;
  readonly service: ReadinessService;
  /** The service's HTTP port, warmed up before the first test so its time is not counted. */
  readonly http: FetchHttpClient;
}

export async function smoke(argv: readonly string[], io: SmokeIo): Promise<number> {
  const options = readOptions(argv, io);
  if (typeof options === 'number') return options;

  const { service } = options;
  const loaded = await loadSmokeTests(service, io, options.file, options.only);
  if (typeof loaded === 'number') return loaded;
  const { path, shown, text, suite, tests } = loaded;

  // The configuration file's smoke settings (captures such as <sid> ← sessionId, allowed hosts, base URL), under the flags.
  const { settings, problems } = await new CliConfig(
    service,
    options.workspace === undefined ? undefined : resolve(io.cwd, options.workspace),
  ).forFile(path);
  if (problems.length > 0) return usage(io, problems.join('\n'));
  const environmentName = options.env ?? settings.environment;
  const environment = environmentName === undefined ? undefined : inEnvironment(settings, environmentName);
  if (environmentName !== undefined && !environment) {
    return usage(
      io,
      `no environment "${environmentName}" in the configuration file's "environments" (configured: ${Object.keys(settings.environments).join(', ') || 'none'})`,
    );
  }
  const smokeSettings = environment ?? settings.smoke;
  const baseUrl = options.baseUrl ?? smokeSettings.baseUrl;
  if (baseUrl === undefined)
    return usage(
      io,
      '--base-url is required (or "smoke.baseUrl" in .readiness.json): the URL the document\'s staging host stands for (e.g. --base-url https://staging.example.com)',
    );
  if (!service.smoke.parseBaseUrl(baseUrl).ok)
    return usage(io, `smoke.baseUrl must be an http(s) URL, not "${baseUrl}"`);
  await options.http.warmUp();
  const run = await service.smoke.run(
    suite,
    {
      ...defaultSmokeSettings,
      ...settings.smoke,
      baseUrl,
      allowedHosts: [...smokeSettings.allowedHosts, ...options.allowedHosts],
      timeoutMs: options.timeoutMs ?? settings.smoke.timeoutMs,
      allowInsecureTls: options.insecure || settings.smoke.allowInsecureTls,
    },
    {
      files: createWorkspaceFileReader(
        options.workspace === undefined ? dirname(path) : resolve(io.cwd, options.workspace),
      ),
      wallClock: systemWallClock,
      secrets: environmentSecrets(io.env, new Set([...service.smoke.declaredSecrets(text), ...options.secretEnv])),
      // Each line as its test finishes; results are redacted already, the line is masked once more for safety.
      observer:
        options.format === 'text'
          ? { testFinished: (result, { redact }) => io.out(redact(service.smoke.resultLine(result, options.language))) }
          : undefined,
    },
    { tests, signal: io.signal },
  );

  const notes: string[] = [];
  let written = false;
  if (options.write) {
    const outcome = await writeEvidence(service, path, shown, run, options.language, baseUrl, environment?.environment);
    if (typeof outcome === 'string') {
      report(io, options, run, shown, false, notes);
      io.err(run.redact(`readiness: ${outcome}`));
      return EXIT_USAGE;
    }
    written = outcome.written;
    notes.push(...outcome.dropped);
  }
  for (const result of run.results) {
    for (const reason of result.reasons) {
      if (reason.code === 'missing-secret')
        notes.push(`set the environment variable ${reason.name} to run smoke test ${result.number}`);
      if (reason.code === 'undeclared-secret') {
        notes.push(
          `smoke test ${result.number} uses <${reason.name}>, which the checklist's secrets list does not declare: the environment variable was not read (list it under the checklist's "Secrets:" or pass --secret-env ${reason.name})`,
        );
      }
    }
  }
  report(io, { ...options, baseUrl }, run, shown, written, notes);
  return run.results.every((r) => r.outcome === 'passed') ? EXIT_PASSED : EXIT_FAILED;
}

function report(
  io: SmokeIo,
  options: SmokeOptions,
  run: SmokeRun,
  shown: string,
  written: boolean,
  notes: readonly string[],
): void {
  const { service } = options;
  const summary = service.smoke.summarize(run.results);
  if (options.format === 'json') {
    const json = {
      file: shown,
      baseUrl: options.baseUrl,
      results: run.results.map((r) => ({
        number: r.number,
        method: r.method,
        path: r.path,
        outcome: r.outcome,
        status: r.status ?? null,
        timeMs: r.elapsedMs === undefined ? null : Math.round(r.elapsedMs * 10) / 10,
        reasons: r.reasons.map((reason) => service.smoke.describeReason(reason, options.language)),
        request: r.request ?? null,
        output: r.evidence?.outputLines ?? null,
      })),
      summary,
      written,
      notes,
    };
    io.out(run.redact(JSON.stringify(json, null, 2)));
    return;
  }
  io.out(
    run.redact(
      service.smoke.summaryLine(summary, options.language) + (written ? ` · evidence written to ${shown}` : ''),
    ),
  );
  for (const note of notes) io.err(run.redact(`readiness: ${note}`));
}

function readOptions(argv: readonly string[], io: SmokeIo): SmokeOptions | number {
  const parsed = parseCommandArgs(
    argv,
    { ...RUN_OPTIONS, env: { type: 'string' }, write: { type: 'boolean', default: false } },
    io,
    SMOKE_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`Usage: ${SMOKE_USAGE}`);
    return EXIT_PASSED;
  }
  if (positionals.length !== 1)
    return usage(
      io,
      positionals.length === 0
        ? `smoke needs the checklist FILE\n\nUsage: ${SMOKE_USAGE}`
        : `smoke takes one FILE, not ${positionals.length}`,
    );
  const baseUrl = values['base-url'];
  const locale = values.locale ?? localeFromEnvironment(io.env);
  const http = createFetchHttpClient();
  const service = cliService({ locale, today: localDateTime(new Date()).date, env: io.env, http });
  if (baseUrl !== undefined && !service.smoke.parseBaseUrl(baseUrl).ok)
    return usage(io, `--base-url must be an http(s) URL, not "${baseUrl}"`);
  const flags = readRunFlags(values, io);
  if (typeof flags === 'number') return flags;
  return {
    file: positionals[0] ?? '',
    baseUrl,
    env: values.env,
    ...flags,
    write: values.write,
    language: service.language(),
    service,
    http,
  };
}

/** The options `smoke` and `verify` share: the base URL, which tests, time limit, output, hosts, secrets, uploads' folder, language. */
export const RUN_OPTIONS = {
  'base-url': { type: 'string' },
  only: { type: 'string' },
  timeout: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'allow-host': { type: 'string', multiple: true },
  'secret-env': { type: 'string', multiple: true },
  insecure: { type: 'boolean', default: false },
  workspace: { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface RunFlags {
  readonly format: 'text' | 'json';
  /** --timeout; undefined when not given. */
  readonly timeoutMs: number | undefined;
  readonly only: readonly string[] | undefined;
  readonly allowedHosts: readonly string[];
  readonly secretEnv: readonly string[];
  readonly insecure: boolean;
  readonly workspace: string | undefined;
}

/** The shared options checked: or exit 2 with what is wrong with the first bad one. */
export function readRunFlags(
  values: {
    readonly format?: string;
    readonly timeout?: string;
    readonly only?: string;
    readonly 'allow-host'?: string[];
    readonly 'secret-env'?: string[];
    readonly insecure?: boolean;
    readonly workspace?: string;
  },
  io: Pick<CommandIo, 'err'>,
): RunFlags | number {
  const format = values.format;
  if (format !== 'text' && format !== 'json') return usage(io, `--format must be text or json, not "${format}"`);
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout);
    if (!/^\d+$/.test(values.timeout) || timeoutMs <= 0)
      return usage(io, `--timeout must be a positive number of milliseconds, not "${values.timeout}"`);
  }
  let only: string[] | undefined;
  if (values.only !== undefined) {
    only = expandNumbers(values.only);
    if (only.length === 0) return usage(io, `--only takes test numbers such as 2,4 or 2-5, not "${values.only}"`);
  }
  const secretEnv = values['secret-env'] ?? [];
  const badName = secretEnv.find((name) => !/^[A-Z][A-Z0-9_]*$/.test(name));
  if (badName !== undefined)
    return usage(
      io,
      `--secret-env takes an environment variable name such as LOG_TOKEN (upper case, digits, _), not "${badName}"`,
    );
  return {
    format,
    timeoutMs,
    only,
    allowedHosts: values['allow-host'] ?? [],
    secretEnv,
    insecure: values.insecure ?? false,
    workspace: values.workspace,
  };
}

/** FILE's text and smoke tests, and those --only selects; or exit 2 with why (unreadable, no tests, an unknown number). */
export async function loadSmokeTests(
  service: ReadinessService,
  io: CommandIo,
  file: string,
  only: readonly string[] | undefined,
): Promise<{ path: string; shown: string; text: string; suite: SmokeSuite; tests: readonly SmokeTest[] } | number> {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  const read = await readDocument(path, shown);
  if (typeof read === 'string') return usage(io, read);
  const suite = suiteOf(service, read.text);
  if (suite.tests.length === 0)
    return usage(io, `${shown}: no smoke tests (\`$ curl ...\` commands in the shell blocks of checklist items)`);
  const numbers = suite.tests.map((t) => t.number);
  const unknown = only?.filter((n) => !numbers.includes(n)) ?? [];
  if (unknown.length > 0)
    return usage(io, `${shown}: no smoke test ${unknown.join(', ')} (its tests are ${numbers.join(', ')})`);
  return {
    path,
    shown,
    text: read.text,
    suite,
    tests: only ? suite.tests.filter((t) => only.includes(t.number)) : suite.tests,
  };
}

/** "2,4" → ["2", "4"]; "2-4" → ["2", "3", "4"]; anything else → []. */
export function expandNumbers(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const span = /^(\d+)-(\d+)$/.exec(part);
    if (span) {
      for (let n = Number(span[1]); n <= Number(span[2]); n++) out.push(String(n));
    } else if (/^\d+$/.test(part)) {
      out.push(String(Number(part)));
    } else {
      return [];
    }
  }
  return out;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel.split('\\').join('/');
}

interface DocumentText {
  /** Without the byte order mark, which is put back on write. */
  readonly text: string;
  readonly bom: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The document's text, or a one-line message naming the file. */
export async function readDocument(path: string, shown: string): Promise<DocumentText | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `${shown}: no such file or directory`
      : `${shown}: cannot be read (${code ?? String(error)})`;
  }
  if (bytes.subarray(0, 8192).includes(0)) return `${shown}: is a binary file, not markdown`;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return `${shown}: is not valid UTF-8 (save it as UTF-8 and run again)`;
  }
  const bom = text.startsWith('\uFEFF');
  return { text: bom ? text.slice(1) : text, bom };
}

function suiteOf(service: ReadinessService, text: string): SmokeSuite {
  return service.smoke.tests(service.analyse(text).checklist, text);
}

/** Re-reads FILE (it may have changed during the run), locates each test again and writes atomically. */
async function writeEvidence(
  service: ReadinessService,
  path: string,
  shown: string,
  run: SmokeRun,
  language: Language,
  baseUrl: string,
  environment: string | undefined,
): Promise<{ written: boolean; dropped: string[] } | string> {
  const now = await readDocument(path, shown);
  if (typeof now === 'string') return now;
  // Located by identity in the text as it is now, which is also right when nothing changed.
  const plan = service.evidence.stampedEdits(
    now.text,
    suiteOf(service, now.text),
    run.results,
    { runner: RUNNER_VERSION, baseUrl, environment },
    language,
  );
  const dropped = plan.dropped.map((d) => d.message);
  if (plan.edits.length === 0) return { written: false, dropped };
  const text = service.smoke.applyTextEdits(now.text, plan.edits);
  try {
    await writeFileAtomically(path, (now.bom ? '\uFEFF' : '') + text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${shown}: evidence not written (${code === 'EACCES' || code === 'EPERM' ? 'the file is read-only' : (code ?? String(error))}); the file is unchanged`;
  }
  return { written: true, dropped };
}

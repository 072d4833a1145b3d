// `readiness verify FILE --base-url URL [--junit PATH] [--only 2,4] [--timeout MS] [--format text|json]`:
// for CI. Runs every smoke test again with the same core as `readiness smoke` and
// compares status, verdict (criteria included) and the shape of each response with
// the evidence pasted in FILE, which it never writes.
// Exit codes: 0 no drift, 1 drift, 2 usage or I/O errors or tests that could not run.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  defaultSmokeSettings,
  localDateTime,
  parseBaseUrl,
  type SmokeRun,
  type SmokeTest,
  type Verification,
} from '../core/api';
import { writeFileAtomically } from '../node/atomicFile';
import { createFetchHttpClient } from '../node/fetchHttpClient';
import { createWorkspaceFileReader } from '../node/workspaceFileReader';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  localeFromEnvironment,
  parseCommandArgs,
  usage,
  type CommandIo,
} from './io';
import { junitReport, type JunitCase } from './junit';
import { cliService, environmentSecrets } from './service';
import { displayPath, loadSmokeTests, readRunFlags, RUN_OPTIONS } from './smoke';

export const VERIFY_USAGE = `readiness verify FILE --base-url URL [--junit PATH] [--only 2,4] [--timeout MS] [--format text|json]
                 [--allow-host HOST]... [--secret-env NAME]... [--insecure] [--workspace DIR] [--locale en|es]
  Re-runs the smoke tests of a checklist against URL and compares each with the evidence
  pasted in FILE: the HTTP status, PASSED/FAILED (time criteria included) and the shape of a
  JSON response (keys and value types, not values). FILE is never written. --junit writes a
  JUnit XML report for CI test tabs. Secrets and hosts as for \`readiness smoke\`.
  Exit: 0 no drift, 1 drift, 2 usage or I/O errors, or tests that could not run.`;

interface VerifyOptions {
  readonly file: string;
  readonly baseUrl: string;
  readonly only: readonly string[] | undefined;
  readonly junit: string | undefined;
  readonly timeoutMs: number;
  readonly format: 'text' | 'json';
  readonly allowedHosts: readonly string[];
  /** Environment variables named with --secret-env, read even when the checklist does not list them. */
  readonly secretEnv: readonly string[];
  readonly insecure: boolean;
  readonly workspace: string | undefined;
  readonly language: 'en' | 'es';
}

interface Checked {
  readonly test: SmokeTest;
  readonly evidence: 'stamped' | 'unverified';
  readonly verification: Verification;
  readonly elapsedMs: number | undefined;
}

export async function runVerify(argv: readonly string[], io: CommandIo): Promise<number> {
  const options = readOptions(argv, io);
  if (typeof options === 'number') return options;
  const http = createFetchHttpClient();
  const service = cliService({ locale: options.language, today: localDateTime(new Date()).date, env: io.env, http });
  const loaded = await loadSmokeTests(service, io, options.file, options.only);
  if (typeof loaded === 'number') return loaded;
  const { path, shown, text, suite, tests } = loaded;

  await http.warmUp();
  const started = Date.now();
  // Every test runs, as in the document (later tests need what earlier ones capture); only the selected are compared.
  const run = await service.smoke.run(
    suite,
    {
      ...defaultSmokeSettings,
      baseUrl: options.baseUrl,
      allowedHosts: options.allowedHosts,
      timeoutMs: options.timeoutMs,
      allowInsecureTls: options.insecure,
    },
    {
      files: createWorkspaceFileReader(
        options.workspace === undefined ? dirname(path) : resolve(io.cwd, options.workspace),
      ),
      // Only the secrets the checklist declares, and those named with --secret-env, are read from the environment.
      secrets: environmentSecrets(io.env, new Set([...service.smoke.declaredSecrets(text), ...options.secretEnv])),
    },
  );
  const pasted = service.evidence.pasted(suite, text);
  const checked: Checked[] = tests.map((test) => {
    const result = run.results.find((r) => r.testKey === test.key);
    const evidence = pasted.get(test.key);
    const verification: Verification = result
      ? service.evidence.verify(evidence?.evidence, result, options.language)
      : { kind: 'error', reason: 'not run' };
    return { test, evidence: evidence?.stamped ? 'stamped' : 'unverified', verification, elapsedMs: result?.elapsedMs };
  });

  const drifted = checked.filter((c) => c.verification.kind === 'drift').length;
  const errors = checked.filter((c) => c.verification.kind === 'error').length;
  const skipped = checked.filter((c) => c.verification.kind === 'skipped').length;
  const summary = `${checked.length} verified against ${options.baseUrl}: ${checked.length - drifted - errors - skipped} unchanged, ${drifted} drifted, ${errors} could not run, ${skipped} without evidence`;

  if (options.junit !== undefined) {
    const junitPath = resolve(io.cwd, options.junit);
    const cases: JunitCase[] = checked.map((c) => junitCase(c, shown));
    try {
      await mkdir(dirname(junitPath), { recursive: true });
      await writeFileAtomically(
        junitPath,
        run.redact(junitReport(`readiness verify ${shown}`, cases, new Date(started), (Date.now() - started) / 1000)),
      );
    } catch (error) {
      io.err(
        `readiness: ${displayPath(junitPath, io.cwd)}: the JUnit report was not written (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
      return EXIT_USAGE;
    }
  }
  report(io, options, run, shown, checked, summary);
  return drifted > 0 ? EXIT_FINDINGS : errors > 0 ? EXIT_USAGE : EXIT_OK;
}

function junitCase(c: Checked, file: string): JunitCase {
  const name = `smoke test ${c.test.number}: ${c.test.method} ${c.test.path}`;
  const base = { classname: file, name, seconds: (c.elapsedMs ?? 0) / 1000 };
  const v = c.verification;
  switch (v.kind) {
    case 'unchanged':
      return { ...base, outcome: { kind: 'passed' } };
    case 'drift':
      return {
        ...base,
        outcome: {
          kind: 'failure',
          type: 'drift',
          message: v.differences[0] ?? 'drift',
          detail: v.differences.join('\n'),
        },
      };
    case 'error':
      return { ...base, outcome: { kind: 'error', type: 'not-run', message: v.reason } };
    case 'skipped':
      return { ...base, outcome: { kind: 'skipped', message: v.reason } };
  }
}

function report(
  io: CommandIo,
  options: VerifyOptions,
  run: SmokeRun,
  shown: string,
  checked: readonly Checked[],
  summary: string,
): void {
  if (options.format === 'json') {
    const json = {
      file: shown,
      baseUrl: options.baseUrl,
      tests: checked.map((c) => ({
        number: c.test.number,
        method: c.test.method,
        path: c.test.path,
        evidence: c.evidence,
        verdict: c.verification.kind,
        differences: c.verification.kind === 'drift' ? c.verification.differences : [],
        reason: c.verification.kind === 'error' || c.verification.kind === 'skipped' ? c.verification.reason : null,
      })),
      summary,
    };
    io.out(run.redact(JSON.stringify(json, null, 2)));
    return;
  }
  for (const c of checked) {
    const v = c.verification;
    const verdict =
      v.kind === 'unchanged' ? 'UNCHANGED' : v.kind === 'drift' ? 'DRIFT' : v.kind === 'error' ? 'ERROR' : 'SKIPPED';
    const detail = v.kind === 'drift' ? v.differences.join('; ') : v.kind === 'unchanged' ? '' : v.reason;
    const provenance = c.evidence === 'unverified' && v.kind !== 'skipped' ? ' (evidence unverified: no stamp)' : '';
    io.out(
      run.redact(
        `${c.test.number.padStart(2)}  ${c.test.method.padEnd(6)}  ${c.test.path.padEnd(24)}  ${verdict}${detail ? `  ${detail}` : ''}${provenance}`,
      ),
    );
  }
  io.out(run.redact(`${summary} · ${shown} not written`));
}

function readOptions(argv: readonly string[], io: CommandIo): VerifyOptions | number {
  const parsed = parseCommandArgs(argv, { ...RUN_OPTIONS, junit: { type: 'string' } }, io, VERIFY_USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`Usage: ${VERIFY_USAGE}`);
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    return usage(
      io,
      positionals.length === 0
        ? `verify needs the checklist FILE\n\nUsage: ${VERIFY_USAGE}`
        : `verify takes one FILE, not ${positionals.length}`,
    );
  const baseUrl = values['base-url'];
  if (baseUrl === undefined) return usage(io, "--base-url is required: the URL the document's staging host stands for");
  if (!parseBaseUrl(baseUrl).ok) return usage(io, `--base-url must be an http(s) URL, not "${baseUrl}"`);
  const flags = readRunFlags(values, io);
  if (typeof flags === 'number') return flags;
  if (values.junit === '') return usage(io, '--junit needs a file path');
  const locale = values.locale ?? localeFromEnvironment(io.env);
  return {
    file: positionals[0] ?? '',
    baseUrl,
    ...flags,
    timeoutMs: flags.timeoutMs ?? defaultSmokeSettings.timeoutMs,
    junit: values.junit,
    language: locale?.toLowerCase().startsWith('es') ? 'es' : 'en',
  };
}

// Runs smoke tests in document order: fills variables, applies the host policy,
// sends, judges and prepares the evidence. Everything a result holds is already
// redacted, so a front end can print or write it as is.
import { translator } from '../messages';
import { capturedVariables, documentVariables, subjectKey, valueForSubject } from './captures';
import { missedCriterion } from './criteria';
import { hasKey, topLevelKeys } from './expectations';
import type { CurlCommand } from './curl';
import {
  isAllowedHost,
  isServerVariable,
  isStagingHost,
  onBase,
  parseBaseUrl,
  writtenHost,
  type BaseUrl,
} from './hosts';
import type { NetCheck } from './netcheck';
import { outputLines, renderResponse, responseText, type OutputEvidence, type RenderedResponse } from './output';
import { runCheck } from './tcp';
import {
  FileReadFailure,
  type Clock,
  type ConfirmForeignHost,
  type FileReader,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
  type SecretDetector,
  type SecretProvider,
  type TcpClient,
  type WallClock,
  type WallTime,
} from './ports';
import { describeReason, type SmokeReason } from './reasons';
import type { SmokeSuite, SmokeTest, SmokeTestIdentity } from './recognize';
import { createRedactor, MASK, type Redactor } from './redact';
import { buildRequest } from './request';
import { sendRequest } from './send';
import type { SmokeSettings } from './settings';
import { commandVariables, isSecretVariable, substitute, substituteCommand, variablesIn } from './variables';

/** Where a run is, for a progress notification; `redact` masks the run's secrets in anything else printed. */
export interface SmokeProgress {
  readonly index: number;
  readonly total: number;
  readonly redact: Redactor;
}

export interface SmokeObserver {
  testStarted?(test: SmokeTest, progress: SmokeProgress): void;
  /** The request as sent, secrets masked: for an output channel. */
  requestSent?(test: SmokeTest, request: { readonly method: string; readonly url: string }): void;
  testFinished?(result: SmokeResult, progress: SmokeProgress): void;
}

export interface SmokeEnvironment {
  readonly http: HttpClient;
  /** For redis-cli, nc and telnet checks; without it they are not run. */
  readonly tcp?: TcpClient | undefined;
  readonly files: FileReader;
  readonly clock: Clock;
  readonly secrets: SecretProvider;
  /** Flags secrets in responses; defaults to a stand-in for `sk-...` keys and `*_TOKEN=...` lines. */
  readonly detectSecrets?: SecretDetector | undefined;
  /** Asked before a request goes to a foreign host; without it such requests are refused. */
  readonly confirmForeignHost?: ConfirmForeignHost | undefined;
  readonly observer?: SmokeObserver | undefined;
  /** When each test ran, for its evidence stamp; without it results carry no `ranAt` and are written unstamped. */
  readonly wallClock?: WallClock | undefined;
}

/** passed/failed carry evidence; not-run (unrunnable, refused, no secret) and cancelled do not. */
export type SmokeOutcome = 'passed' | 'failed' | 'not-run' | 'cancelled';

/** What to paste into the document for one test, independent of where its fields are now. */
export interface TestEvidence {
  readonly passed: boolean;
  /** The first reason of a failure, worded in the document's language, for the status field. */
  readonly failure: string | undefined;
  readonly outputLines: readonly string[];
  /** Undefined when no request was sent. */
  readonly elapsedMs: number | undefined;
  /** Capture field subject key (`sessionid`) → value. */
  readonly captures: Readonly<Record<string, string>>;
  readonly secretsUsed: readonly string[];
  readonly sent: boolean;
}

export interface SmokeResult {
  readonly testKey: string;
  readonly identity: SmokeTestIdentity;
  readonly number: string;
  readonly method: string;
  readonly path: string;
  readonly outcome: SmokeOutcome;
  readonly reasons: readonly SmokeReason[];
  readonly status: number | undefined;
  readonly statusText: string | undefined;
  readonly elapsedMs: number | undefined;
  readonly request: { readonly method: string; readonly url: string } | undefined;
  readonly evidence: TestEvidence | undefined;
  readonly secretsUsed: readonly string[];
  /** When the test started, by the environment's wall clock (absent without one). */
  readonly ranAt?: WallTime | undefined;
}

export interface SmokeRun {
  readonly results: readonly SmokeResult[];
  /** Masks this run's secrets and detected ones, for anything else a front end prints. */
  readonly redact: Redactor;
}

export interface RunOptions {
  /** The tests to run, in document order; default all of the suite. */
  readonly tests?: readonly SmokeTest[] | undefined;
  readonly signal?: AbortSignal | undefined;
}

export async function runSmokeTests(
  suite: SmokeSuite,
  settings: SmokeSettings,
  env: SmokeEnvironment,
  options: RunOptions = {},
): Promise<SmokeRun> {
  const tests = options.tests ?? suite.tests;
  // Every secret is asked for before the first request, so the redactor knows
  // them all before anything is printed (and the editor prompts once, up front).
  const secrets = new Map<string, string>();
  for (const name of new Set(tests.flatMap(testVariables).filter(isSecretVariable))) {
    if (options.signal?.aborted) break;
    if (env.secrets.mayRead?.(name) === false) continue;
    const value = await env.secrets.get(name);
    if (value !== undefined && value !== '') secrets.set(name, value);
  }
  const secretValues = [...secrets.values(), ...tests.flatMap((t) => credentialForms(t, secrets))];
  const redact = createRedactor(secretValues, env.detectSecrets);
  const context: RunContext = {
    suite,
    settings,
    env,
    secrets,
    redact,
    base: parseBaseUrl(settings.baseUrl),
    values: documentVariables(suite, settings.captures),
    signal: options.signal,
  };

  const results: SmokeResult[] = [];
  for (const [index, test] of tests.entries()) {
    const progress = { index, total: tests.length, redact };
    env.observer?.testStarted?.(test, progress);
    const ranAt = env.wallClock?.now();
    const result = options.signal?.aborted
      ? notRun(test, { code: 'cancelled' }, 'cancelled')
      : await runOne(test, context);
    results.push(result.evidence && ranAt ? { ...result, ranAt } : result);
    env.observer?.testFinished?.(result, progress);
  }
  return { results, redact };
}

interface RunContext {
  readonly suite: SmokeSuite;
  readonly settings: SmokeSettings;
  readonly env: SmokeEnvironment;
  readonly secrets: ReadonlyMap<string, string>;
  readonly redact: Redactor;
  readonly base: BaseUrl;
  /** Values of `<sid>`-style variables: from the document, then overwritten by captures of this run. */
  readonly values: Map<string, string>;
  readonly signal: AbortSignal | undefined;
}

/** The variables a test's command uses: a curl command's, or a check's host, port and password. */
function testVariables(test: SmokeTest): string[] {
  if (test.check?.ok) {
    const { check } = test.check;
    return [
      ...new Set(
        [check.host, check.port, ...(check.kind === 'redis' ? [check.password ?? '', check.user ?? ''] : [])].flatMap(
          variablesIn,
        ),
      ),
    ];
  }
  if (!test.parsed.ok) return [];
  const { command } = test.parsed;
  const variables = commandVariables(command);
  // A variable for the server where the host goes (`$BASE_URL`) is replaced by the base URL, never read.
  const host = writtenHost(command.url);
  return isServerVariable(host) ? variables.filter((name) => `<${name.toLowerCase()}>` !== host) : variables;
}

async function runOne(test: SmokeTest, ctx: RunContext): Promise<SmokeResult> {
  if (test.check)
    return test.check.ok
      ? runNetCheck(test, test.check.check, ctx)
      : notRun(test, { code: 'not-runnable', problem: test.check.problem });
  if (!test.parsed.ok) return notRun(test, { code: 'not-runnable', problem: test.parsed.problem });
  const command = test.parsed.command;
  const host = writtenHost(command.url);
  const onStaging = isStagingHost(host, ctx.suite.stagingHost);
  // The staging host, or a variable standing for it (`$BASE_URL`), is the base URL's: never a secret to read.
  if (onStaging && !ctx.base.ok) return notRun(test, { code: 'no-base-url', host });
  const url = onStaging && ctx.base.ok ? onBase(command.url, ctx.base) : command.url;
  const variables = commandVariables({ ...command, url });
  const secretNames = variables.filter(isSecretVariable);
  const undeclared = secretNames.find((name) => ctx.env.secrets.mayRead?.(name) === false);
  if (undeclared !== undefined) return notRun(test, { code: 'undeclared-secret', name: undeclared });
  const missingSecret = secretNames.find((name) => !ctx.secrets.has(name));
  if (missingSecret !== undefined) return notRun(test, { code: 'missing-secret', name: missingSecret });

  const missingValue = variables.find((name) => !isSecretVariable(name) && !ctx.values.has(name));
  if (missingValue !== undefined) return notSent(test, ctx, { code: 'missing-variable', name: missingValue });

  const real = new Map([...ctx.values, ...ctx.secrets]);
  const masked = new Map([...ctx.values, ...[...ctx.secrets.keys()].map((name) => [name, MASK] as const)]);
  const resolved = substituteCommand({ ...command, url }, real);
  const shownUrl = ctx.redact(substitute(url, masked));
  let target: URL;
  try {
    target = new URL(resolved.url);
  } catch {
    return notRun(test, { code: 'not-runnable', problem: { code: 'not-http', url: shownUrl } });
  }

  const insecure = command.insecure && ctx.settings.allowInsecureTls;
  let request: HttpRequest;
  try {
    request = await buildRequest(resolved, target.href, ctx.env.files, {
      insecure,
      maxBodyBytes: ctx.settings.maxBodyBytes,
    });
  } catch (error) {
    if (!(error instanceof FileReadFailure)) throw error;
    const code =
      error.kind === 'missing'
        ? 'missing-file'
        : error.kind === 'outside-workspace'
          ? 'file-outside-workspace'
          : 'unreadable-file';
    return notSent(test, ctx, { code, path: error.path });
  }

  // Every request to a foreign host, the first or a redirect, is confirmed with all it would send but values.
  const checkHost = async (next: HttpRequest, from?: string): Promise<SmokeReason | undefined> => {
    const url = new URL(next.url);
    if (isAllowedHost(url, ctx.base, ctx.settings.allowedHosts)) return undefined;
    if (secretNames.length > 0) return { code: 'foreign-host-secret', host: url.host, secrets: secretNames };
    const confirm = ctx.env.confirmForeignHost;
    if (!confirm) return { code: 'foreign-host-refused', host: url.host };
    const ok = await confirm({
      testNumber: test.number,
      host: url.host,
      method: next.method,
      url: from === undefined ? shownUrl : ctx.redact(next.url),
      headers: next.headers.map(([name]) => name),
      body: next.body !== undefined,
      files: next.uploads ?? [],
      ...(from === undefined ? {} : { redirectedFrom: from === request.url ? shownUrl : ctx.redact(from) }),
    });
    return ok ? undefined : { code: 'foreign-host-refused', host: url.host };
  };
  const refused = await checkHost(request);
  if (refused) return notRun(test, refused);

  ctx.env.observer?.requestSent?.(test, { method: request.method, url: shownUrl });
  const started = ctx.env.clock.now();
  const sent = await sendRequest(ctx.env.http, request, {
    timeoutMs: command.maxTimeMs ?? ctx.settings.timeoutMs,
    followRedirects: command.followRedirects,
    maxRedirects: ctx.settings.maxRedirects,
    signal: ctx.signal,
    checkHop: checkHost,
    insecureIgnored: command.insecure && !insecure,
    clock: ctx.env.clock,
  });
  const elapsedMs = ctx.env.clock.now() - started;
  const shown = { method: request.method, url: shownUrl };
  if (!sent.ok && sent.cancelled) return notRun(test, sent.reason, 'cancelled');
  if (!sent.ok) return judgedWithoutResponse(test, ctx, sent.reason, { elapsedMs, shown, secretNames });
  return judgeResponse(test, command, ctx, sent.response, elapsedMs, shown, secretNames);
}

function judgeResponse(
  test: SmokeTest,
  command: CurlCommand,
  ctx: RunContext,
  response: HttpResponse,
  elapsedMs: number,
  shown: { method: string; url: string },
  secretNames: readonly string[],
): SmokeResult {
  const reasons: SmokeReason[] = [];
  const expected = test.expectations.status;
  const ok = expected ? response.status === expected.code : response.status >= 200 && response.status < 300;
  if (!ok && expected) {
    reasons.push({
      code: 'unexpected-status',
      status: response.status,
      statusText: response.statusText,
      expected: expected.code,
      as: expected.text,
    });
  } else if (!ok) {
    const redirect = response.status >= 300 && response.status < 400 && !command.followRedirects;
    reasons.push(
      redirect
        ? { code: 'redirect-not-followed', status: response.status }
        : { code: 'http-status', status: response.status, statusText: response.statusText },
    );
  }
  if (response.truncated) reasons.push({ code: 'body-too-large', maxBytes: ctx.settings.maxBodyBytes });
  const rendered = renderResponse(command, response, ctx.suite.language, { elapsedMs, ...shown });
  if (rendered.problem) reasons.push(rendered.problem);
  const missed = missedCriterion(elapsedMs, test.criteria);
  if (missed) reasons.push({ code: 'criterion-missed', elapsedMs, limitMs: missed.limitMs, criterion: missed.text });

  const json = ok ? parseJson(response) : undefined;
  if (ok) {
    for (const { key } of test.expectations.keys) {
      if (!hasKey(json, key)) reasons.push({ code: 'missing-json-key', key, present: topLevelKeys(json) ?? null });
    }
  }
  if (json !== undefined)
    for (const [name, value] of capturedVariables(json, ctx.settings.captures)) ctx.values.set(name, value);
  const captures: Record<string, string> = {};
  for (const slot of test.slots.captures) {
    const value = json === undefined ? undefined : valueForSubject(json, slot.subject, ctx.settings.captures);
    if (value !== undefined) captures[subjectKey(slot.subject)] = ctx.redact(value);
  }
  const heading = ok ? undefined : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return judged(test, ctx, { response, rendered, heading, reasons, elapsedMs, shown, secretNames, captures });
}

function parseJson(response: HttpResponse): unknown {
  const text = responseText(response);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface Judgement {
  readonly response: HttpResponse | undefined;
  readonly rendered: RenderedResponse | undefined;
  readonly heading: string | undefined;
  readonly reasons: readonly SmokeReason[];
  readonly elapsedMs: number;
  readonly shown: { method: string; url: string };
  readonly secretNames: readonly string[];
  readonly captures?: Readonly<Record<string, string>>;
}

function judged(test: SmokeTest, ctx: RunContext, j: Judgement): SmokeResult {
  const reasons = j.reasons.map((r) => redactReason(r, ctx.redact));
  const passed = reasons.length === 0;
  const output: OutputEvidence = { heading: j.heading, rendered: j.rendered };
  return {
    ...describe(test),
    outcome: passed ? 'passed' : 'failed',
    reasons,
    status: j.response?.status,
    statusText: j.response ? ctx.redact(j.response.statusText) : undefined,
    elapsedMs: j.elapsedMs,
    request: j.shown,
    evidence: {
      passed,
      failure: reasons[0] ? describeReason(reasons[0], ctx.suite.language) : undefined,
      outputLines: outputLines(output, {
        language: ctx.suite.language,
        maxLines: ctx.settings.maxOutputLines,
        redact: ctx.redact,
      }),
      elapsedMs: j.elapsedMs,
      captures: j.captures ?? {},
      secretsUsed: j.secretNames,
      sent: true,
    },
    secretsUsed: j.secretNames,
  };
}

/** A failure before anything was sent (a missing upload file or variable): the document still records it. */
function notSent(test: SmokeTest, ctx: RunContext, reason: SmokeReason): SmokeResult {
  const clean = redactReason(reason, ctx.redact);
  const text = describeReason(clean, ctx.suite.language);
  const heading = translator(ctx.suite.language)('smoke.output.notSent', text);
  return {
    ...describe(test),
    outcome: 'failed',
    reasons: [clean],
    status: undefined,
    statusText: undefined,
    elapsedMs: undefined,
    request: undefined,
    evidence: {
      passed: false,
      failure: text,
      outputLines: outputLines(
        { heading, rendered: undefined },
        { language: ctx.suite.language, maxLines: ctx.settings.maxOutputLines, redact: ctx.redact },
      ),
      elapsedMs: undefined,
      captures: {},
      secretsUsed: [],
      sent: false,
    },
    secretsUsed: [],
  };
}

function notRun(test: SmokeTest, reason: SmokeReason, outcome: 'not-run' | 'cancelled' = 'not-run'): SmokeResult {
  return {
    ...describe(test),
    outcome,
    reasons: [reason],
    status: undefined,
    statusText: undefined,
    elapsedMs: undefined,
    request: undefined,
    evidence: undefined,
    secretsUsed: [],
  };
}

function describe(test: SmokeTest): Pick<SmokeResult, 'testKey' | 'identity' | 'number' | 'method' | 'path'> {
  return { testKey: test.key, identity: test.identity, number: test.number, method: test.method, path: test.path };
}

/** A test that got no answer (refused, timed out, a TLS or protocol failure): failed with that reason, the output saying so. */
function judgedWithoutResponse(
  test: SmokeTest,
  ctx: RunContext,
  reason: SmokeReason,
  run: Pick<Judgement, 'elapsedMs' | 'shown' | 'secretNames'>,
): SmokeResult {
  const language = ctx.suite.language;
  const heading = translator(language)(
    'smoke.output.noResponse',
    describeReason(redactReason(reason, ctx.redact), language),
  );
  return judged(test, ctx, { ...run, response: undefined, rendered: undefined, heading, reasons: [reason] });
}

/** Free text in a reason (a TLS message, the start of a body) may echo a secret. */
function redactReason(reason: SmokeReason, redact: Redactor): SmokeReason {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reason))
    out[key] = typeof value === 'string' && key !== 'code' ? redact(value) : value;
  return out as unknown as SmokeReason;
}

/** `-u user:password` holds a credential: its password, and the Basic header made of it, are masked like secrets; so is `redis-cli -a`'s. */
function credentialForms(test: SmokeTest, secrets: ReadonlyMap<string, string>): string[] {
  if (test.check?.ok && test.check.check.kind === 'redis' && test.check.check.password !== undefined)
    return [substitute(test.check.check.password, secrets)].filter((v) => v !== '');
  if (!test.parsed.ok || test.parsed.command.user === undefined) return [];
  const user = substitute(test.parsed.command.user, secrets);
  const password = user.slice(user.indexOf(':') + 1);
  let binary = '';
  for (const byte of new TextEncoder().encode(user)) binary += String.fromCharCode(byte);
  return [password, btoa(binary)].filter((v) => v !== '');
}

/** A redis-cli, nc or telnet check: the same variables, secrets and host policy as curl, then the TCP port. */
async function runNetCheck(test: SmokeTest, check: NetCheck, ctx: RunContext): Promise<SmokeResult> {
  const tcp = ctx.env.tcp;
  if (!tcp) return notRun(test, { code: 'no-tcp' });
  const variables = testVariables(test);
  const secretNames = variables.filter(isSecretVariable);
  const undeclared = secretNames.find((name) => ctx.env.secrets.mayRead?.(name) === false);
  if (undeclared !== undefined) return notRun(test, { code: 'undeclared-secret', name: undeclared });
  const missingSecret = secretNames.find((name) => !ctx.secrets.has(name));
  if (missingSecret !== undefined) return notRun(test, { code: 'missing-secret', name: missingSecret });
  const missingValue = variables.find((name) => !isSecretVariable(name) && !ctx.values.has(name));
  if (missingValue !== undefined) return notRun(test, { code: 'missing-variable', name: missingValue });

  const real = new Map([...ctx.values, ...ctx.secrets]);
  const written = substitute(check.host, ctx.values);
  const portText = substitute(check.port, ctx.values);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
  if (port < 1 || port > 65535)
    return notRun(test, {
      code: 'not-runnable',
      problem: { code: 'bad-argument', option: check.kind === 'redis' ? '-p' : check.program, value: portText },
    });
  // The document's staging host stands for the base URL's host, as it does in curl commands.
  const host =
    ctx.base.ok && written.toLowerCase() === ctx.suite.stagingHost?.split(':')[0]?.toLowerCase()
      ? new URL(ctx.base.origin).hostname
      : written;
  const scheme = check.kind === 'redis' ? 'redis' : 'tcp';
  let target: URL;
  try {
    target = new URL(`${scheme}://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`);
  } catch {
    return notRun(test, {
      code: 'not-runnable',
      problem: { code: 'bad-argument', option: check.kind === 'redis' ? '-h' : check.program, value: written },
    });
  }
  const shown = { method: check.kind === 'redis' ? 'REDIS' : 'TCP', url: ctx.redact(`${scheme}://${target.host}`) };

  // The host policy of curl: the base URL's host (any port of it: a check names its own), the allowed hosts, or a confirmation.
  const onBaseHost = ctx.base.ok && new URL(ctx.base.origin).hostname.toLowerCase() === target.hostname.toLowerCase();
  if (!onBaseHost && !isAllowedHost(target, ctx.base, ctx.settings.allowedHosts)) {
    const sendsSecret = secretNames.length > 0 || (check.kind === 'redis' && check.password !== undefined);
    if (sendsSecret)
      return notRun(test, {
        code: 'foreign-host-secret',
        host: target.host,
        secrets: secretNames.length > 0 ? secretNames : ['-a'],
      });
    const confirm = ctx.env.confirmForeignHost;
    const ok = confirm
      ? await confirm({
          testNumber: test.number,
          host: target.host,
          method: shown.method,
          url: shown.url,
          headers: [],
          body: false,
          files: [],
        })
      : false;
    if (!ok) return notRun(test, { code: 'foreign-host-refused', host: target.host });
  }

  ctx.env.observer?.requestSent?.(test, shown);
  const password =
    check.kind === 'redis' && check.password !== undefined ? substitute(check.password, real) : undefined;
  const started = ctx.env.clock.now();
  const outcome = await runCheck(
    check,
    { host: target.hostname.replace(/^\[|\]$/g, ''), port, password },
    { tcp, clock: ctx.env.clock, timeoutMs: ctx.settings.timeoutMs, signal: ctx.signal, language: ctx.suite.language },
  );
  const elapsedMs = ctx.env.clock.now() - started;
  if (outcome.kind === 'cancelled') return notRun(test, { code: 'cancelled' }, 'cancelled');
  if (outcome.kind === 'failed')
    return judgedWithoutResponse(test, ctx, outcome.reason, { elapsedMs, shown, secretNames });
  const reasons: SmokeReason[] = [...outcome.reasons];
  const missed = missedCriterion(elapsedMs, test.criteria);
  if (missed) reasons.push({ code: 'criterion-missed', elapsedMs, limitMs: missed.limitMs, criterion: missed.text });
  const rendered: RenderedResponse = { text: outcome.lines.join('\n'), notes: [], problem: undefined };
  return judged(test, ctx, {
    response: undefined,
    rendered,
    heading: undefined,
    reasons,
    elapsedMs,
    shown,
    secretNames,
  });
}

// Why a smoke test failed or was not run, as data, and its wording from the message catalogue:
// the editor words it in the display language, the evidence in the document's language.
import { translator, type Language } from '../messages';
import type { CommandProblem } from './curl';

export type SmokeReason =
  | { readonly code: 'http-status'; readonly status: number; readonly statusText: string }
  | {
      readonly code: 'unexpected-status';
      readonly status: number;
      readonly statusText: string;
      readonly expected: number;
      readonly as: string;
    }
  | { readonly code: 'missing-json-key'; readonly key: string; readonly present: readonly string[] | null }
  | { readonly code: 'redis-auth'; readonly detail: string }
  | { readonly code: 'redis-error'; readonly detail: string }
  | { readonly code: 'redis-reply'; readonly expected: string; readonly actual: string }
  | { readonly code: 'no-tcp' }
  | { readonly code: 'redirect-not-followed'; readonly status: number }
  | { readonly code: 'too-many-redirects'; readonly max: number }
  | {
      readonly code: 'redirect-body-not-resent';
      readonly status: number;
      readonly host: string;
      readonly method: string;
    }
  | { readonly code: 'timeout'; readonly timeoutMs: number }
  | { readonly code: 'refused'; readonly host: string }
  | { readonly code: 'dns'; readonly host: string }
  | { readonly code: 'tls'; readonly detail: string; readonly insecureIgnored: boolean }
  | { readonly code: 'reset'; readonly host: string }
  | { readonly code: 'blocked-port'; readonly host: string }
  | { readonly code: 'network'; readonly detail: string }
  | { readonly code: 'missing-file'; readonly path: string }
  | { readonly code: 'file-outside-workspace'; readonly path: string }
  | { readonly code: 'unreadable-file'; readonly path: string }
  | {
      readonly code: 'criterion-missed';
      readonly elapsedMs: number;
      readonly limitMs: number;
      readonly criterion: string;
    }
  | { readonly code: 'not-json'; readonly detail: string }
  | { readonly code: 'jq-path'; readonly detail: string }
  /** `| grep PATTERN` selected no line: grep's exit status fails the pipeline. */
  | { readonly code: 'grep-no-match'; readonly detail: string }
  | { readonly code: 'body-too-large'; readonly maxBytes: number }
  | { readonly code: 'missing-variable'; readonly name: string }
  | { readonly code: 'missing-secret'; readonly name: string }
  | { readonly code: 'undeclared-secret'; readonly name: string }
  | { readonly code: 'no-base-url'; readonly host: string }
  | { readonly code: 'foreign-host-refused'; readonly host: string }
  | { readonly code: 'foreign-host-secret'; readonly host: string; readonly secrets: readonly string[] }
  | { readonly code: 'not-runnable'; readonly problem: CommandProblem }
  | { readonly code: 'cancelled' };

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

export function describeReason(reason: SmokeReason, language: Language): string {
  const t = translator(language);
  switch (reason.code) {
    case 'http-status':
      return `HTTP ${reason.status}${reason.statusText ? ` ${reason.statusText}` : ''}`;
    case 'unexpected-status':
      return t(
        'smoke.reason.unexpectedStatus',
        `HTTP ${reason.status}${reason.statusText ? ` ${reason.statusText}` : ''}`,
        reason.expected,
        reason.as,
      );
    case 'missing-json-key':
      return t('smoke.reason.missingJsonKey', reason.key);
    case 'redis-auth':
      return t('smoke.reason.redisAuth', reason.detail);
    case 'redis-error':
      return t('smoke.reason.redisError', reason.detail);
    case 'redis-reply':
      return t('smoke.reason.redisReply', reason.actual, reason.expected);
    case 'no-tcp':
      return t('smoke.reason.noTcp');
    case 'redirect-not-followed':
      return t('smoke.reason.redirectNotFollowed', reason.status);
    case 'too-many-redirects':
      return t('smoke.reason.tooManyRedirects', reason.max);
    case 'redirect-body-not-resent':
      return t('smoke.reason.redirectBodyNotResent', reason.status, reason.host, reason.method);
    case 'timeout':
      return t('smoke.reason.timeout', seconds(reason.timeoutMs));
    case 'refused':
      return t('smoke.reason.refused', reason.host);
    case 'dns':
      return t('smoke.reason.dns', reason.host);
    case 'tls':
      return (
        t('smoke.reason.tls', reason.detail) + (reason.insecureIgnored ? t('smoke.reason.tlsInsecureIgnored') : '')
      );
    case 'reset':
      return t('smoke.reason.reset', reason.host);
    case 'blocked-port':
      return t('smoke.reason.blockedPort', reason.host);
    case 'network':
      return t('smoke.reason.network', reason.detail);
    case 'missing-file':
      return t('smoke.reason.missingFile', reason.path);
    case 'file-outside-workspace':
      return t('smoke.reason.fileOutsideWorkspace', reason.path);
    case 'unreadable-file':
      return t('smoke.reason.unreadableFile', reason.path);
    case 'criterion-missed':
      return t('smoke.reason.criterionMissed', seconds(reason.elapsedMs), reason.criterion);
    case 'not-json':
      return t('smoke.reason.notJson', reason.detail);
    case 'jq-path':
      return `jq: ${reason.detail}`;
    case 'grep-no-match':
      return t('smoke.reason.grepNoMatch', reason.detail);
    case 'body-too-large':
      return t('smoke.reason.bodyTooLarge', reason.maxBytes);
    case 'missing-variable':
      return t('smoke.reason.missingVariable', reason.name);
    case 'missing-secret':
      return t('smoke.reason.missingSecret', reason.name);
    case 'undeclared-secret':
      return t('smoke.reason.undeclaredSecret', reason.name);
    case 'no-base-url':
      return t('smoke.reason.noBaseUrl', reason.host);
    case 'foreign-host-refused':
      return t('smoke.reason.foreignHostRefused', reason.host);
    case 'foreign-host-secret':
      return t('smoke.reason.foreignHostSecret', reason.secrets.join(', '), reason.host);
    case 'not-runnable':
      return t('smoke.reason.notRunnable', describeProblem(reason.problem, language));
    case 'cancelled':
      return t('smoke.reason.cancelled');
  }
}

export function describeProblem(problem: CommandProblem, language: Language): string {
  const t = translator(language);
  switch (problem.code) {
    case 'not-curl':
      return t('smoke.problem.notCurl', problem.program || t('smoke.problem.emptyCommand'));
    case 'shell-operator':
      return t('smoke.problem.shellOperator', problem.operator);
    case 'shell-expansion':
      return t('smoke.problem.shellExpansion', problem.text);
    case 'unbalanced-quotes':
      return t('smoke.problem.unbalancedQuotes');
    case 'unsupported-option':
      return t('smoke.problem.unsupportedOption', problem.option);
    case 'missing-argument':
      return t('smoke.problem.missingArgument', problem.option);
    case 'bad-argument':
      return t('smoke.problem.badArgument', problem.option, problem.value);
    case 'stdin':
      return t('smoke.problem.stdin');
    case 'no-url':
      return t('smoke.problem.noUrl');
    case 'several-urls':
      return t('smoke.problem.severalUrls');
    case 'not-http':
      return t('smoke.problem.notHttp', problem.url);
    case 'url-glob':
      return t('smoke.problem.urlGlob');
    case 'data-and-form':
      return t('smoke.problem.dataAndForm');
    case 'unsupported-pipe':
      return t('smoke.problem.unsupportedPipe', problem.program);
    case 'unsupported-pipe-argument':
      return t('smoke.problem.unsupportedPipeArgument', problem.program, problem.argument);
  }
}

/** One failed expectation: what the test asked for and what came (the Testing view's expected/actual). */
export interface FailedExpectation {
  readonly kind: 'status' | 'criterion' | 'json-key' | 'other';
  readonly expected?: string;
  readonly actual?: string;
}

export function expectationOf(reason: SmokeReason, language: Language): FailedExpectation {
  const t = translator(language);
  const status = (code: number, text: string) => `${code}${text ? ` ${text}` : ''}`;
  switch (reason.code) {
    case 'http-status':
      return {
        kind: 'status',
        expected: t('testing.expected.status2xx'),
        actual: status(reason.status, reason.statusText),
      };
    case 'redirect-not-followed':
      return { kind: 'status', expected: t('testing.expected.status2xx'), actual: String(reason.status) };
    case 'unexpected-status':
      return { kind: 'status', expected: String(reason.expected), actual: status(reason.status, reason.statusText) };
    case 'criterion-missed':
      return { kind: 'criterion', expected: reason.criterion, actual: seconds(reason.elapsedMs) };
    case 'redis-reply':
      return { kind: 'other', expected: reason.expected, actual: reason.actual };
    case 'missing-json-key':
      return {
        kind: 'json-key',
        expected: t('testing.expected.key', reason.key),
        actual:
          reason.present === null ? t('testing.actual.noKeys') : t('testing.actual.keys', reason.present.join(', ')),
      };
    default:
      return { kind: 'other' };
  }
}

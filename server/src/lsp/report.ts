// `readiness/report`: the supervisor's report of an open checklist, from its current
// analysis (file references included), rendered by the core as the CLI renders it.
import type { Analysis, Now, SmokeSuite, Translate } from '../core/api';
import type { ReadinessService } from '../core/service';
import type { ReportParams, ReportResult } from '../protocol';

export interface ReportInput {
  readonly analysis: Analysis;
  readonly text: string;
  readonly suite: SmokeSuite;
  readonly version: number;
  /** The checklist's path relative to its workspace folder. */
  readonly path: string;
  readonly now: Now;
  readonly t: Translate;
}

const NONCE = /^[A-Za-z0-9+/=_-]{16,128}$/;

export function reportResult(service: ReadinessService, params: ReportParams, input: ReportInput): ReportResult {
  const model = service.report.build(input.analysis, {
    text: input.text,
    t: input.t,
    path: input.path,
    today: input.now.date,
    generated: `${input.now.date} ${input.now.time}`,
    suite: input.suite,
  });
  // A nonce that could break out of its attribute is refused rather than escaped: the webview makes its own.
  const nonce = params.nonce !== undefined && NONCE.test(params.nonce) ? params.nonce : undefined;
  const content = service.report.render(model, params.format, input.t, nonce ? { nonce, interactive: true } : {});
  return {
    uri: params.uri,
    version: input.version,
    isChecklist: true,
    content,
    verdict: model.verdict,
    title: model.title,
  };
}

export function noReport(params: ReportParams, version: number): ReportResult {
  return { uri: params.uri, version, isChecklist: false, content: '' };
}

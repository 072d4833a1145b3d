// What a response looks like after the command's pipes, and the lines pasted
// into the document as its evidence: redacted, bounded and escaped.
import { translator, type Language, type Translate } from '../messages';
import type { CurlCommand } from './curl';
import { escapeOutputLine } from './layout';
import { applyStage } from './pipes';
import type { HttpResponse } from './ports';
import type { SmokeReason } from './reasons';
import type { Redactor } from './redact';

export interface RenderedResponse {
  readonly text: string;
  /** A note about what the pipes or limits left out, in the document's language. */
  readonly notes: readonly string[];
  /** A `| jq` that could not read the response. */
  readonly problem: SmokeReason | undefined;
}

const BINARY_TYPE = /^(?:image|audio|video|font)\/|^application\/(?:octet-stream|pdf|zip|gzip|x-tar|wasm|protobuf)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function headerValue(response: HttpResponse, name: string): string | undefined {
  return response.headers.find(([n]) => n === name)?.[1];
}

/** The response as text, or undefined for a binary body. */
export function responseText(response: HttpResponse): string | undefined {
  const type = headerValue(response, 'content-type') ?? '';
  if (BINARY_TYPE.test(type)) return undefined;
  try {
    const text = utf8.decode(response.body);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** What `-w` may print of a transfer besides the response: how long it took and the URL it ended at. */
export interface Transfer {
  readonly elapsedMs: number;
  /** The URL requested (secrets masked); after followed redirects the final one is not known here. */
  readonly url: string | undefined;
  readonly method: string;
}

/**
 * curl's `-w` format for this transfer: `%{http_code}`, `%{time_total}`, `%{size_download}`,
 * `%{content_type}`, `%{url_effective}`, `%{header{name}}` and the like, `\n`/`\t`/`\r` and `%%`.
 * A variable curl has and this runner cannot know (`%{time_connect}`, `%{remote_ip}`) is written
 * as `?`, never made up.
 */
export function writeOut(format: string, response: HttpResponse, transfer: Transfer): string {
  const seconds = (transfer.elapsedMs / 1000).toFixed(6);
  const variables: Readonly<Record<string, string>> = {
    http_code: String(response.status).padStart(3, '0'),
    response_code: String(response.status),
    http_version: '1.1',
    method: transfer.method,
    time_total: seconds,
    time_starttransfer: seconds,
    size_download: String(response.body.length),
    content_type: headerValue(response, 'content-type') ?? '',
    url_effective: transfer.url ?? '?',
    url: transfer.url ?? '?',
    num_redirects: transfer.url === undefined ? '?' : '0',
    exitcode: '0',
    errormsg: '',
  };
  return format.replace(/%%|%\{header\{([^}]*)\}\}|%\{([a-z_]+)\}|\\([nrt\\])/g, (whole, header, name, escape) => {
    if (whole === '%%') return '%';
    if (escape !== undefined) return escape === 'n' ? '\n' : escape === 'r' ? '\r' : escape === 't' ? '\t' : '\\';
    if (header !== undefined) return headerValue(response, String(header).toLowerCase()) ?? '';
    return variables[String(name)] ?? '?';
  });
}

/** Applies `-i`, `-o /dev/null`, `-w` and the pipes to the response, as the shell would show it. */
export function renderResponse(
  command: CurlCommand,
  response: HttpResponse,
  language: Language,
  transfer: Transfer,
): RenderedResponse {
  const t = translator(language);
  const notes: string[] = [];
  if (response.truncated) notes.push(t('smoke.output.truncated', response.body.length));
  const written =
    command.writeOut === undefined
      ? ''
      : writeOut(command.writeOut, response, command.followRedirects ? { ...transfer, url: undefined } : transfer);
  if (command.discardBody) return pipedText(command, '', written, notes, t);
  const body = responseText(response);
  if (body === undefined) {
    const type = headerValue(response, 'content-type') ?? t('smoke.output.noType');
    const summary = t('smoke.output.binary', response.body.length, type);
    const jq = command.pipeline.some((s) => s.program === 'jq');
    return {
      text: written === '' ? summary : `${summary}\n${written}`,
      notes,
      problem: jq ? { code: 'not-json', detail: t('smoke.output.binaryBody') } : undefined,
    };
  }
  // With `-i` the headers are shown first and the pipes read the body only, which is what `curl -i | jq` users mean.
  return pipedText(command, command.includeHeaders ? headerBlock(response) : '', body + written, notes, t);
}

/** The pipes applied to what curl wrote after the headers, which stay in front. */
function pipedText(
  command: CurlCommand,
  headers: string,
  output: string,
  notes: string[],
  t: Translate,
): RenderedResponse {
  let text = output;
  for (const stage of command.pipeline) {
    const outcome = applyStage(stage, text);
    if (!outcome.ok) return { text: headers + text, notes, problem: { code: outcome.error, detail: outcome.detail } };
    text = outcome.text;
    const n = outcome.omittedLines;
    if (n > 0 && stage.program === 'head') {
      notes.push(
        n === 1 ? t('smoke.output.headOmittedOne', stage.lines) : t('smoke.output.headOmittedMany', n, stage.lines),
      );
    }
  }
  return { text: headers + text, notes, problem: undefined };
}

function headerBlock(response: HttpResponse): string {
  return [
    `HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd(),
    ...response.headers.map(([n, v]) => `${n}: ${v}`),
    '',
    '',
  ].join('\n');
}

export interface OutputEvidence {
  /** The status line of a failed response, or why there was none. */
  readonly heading: string | undefined;
  readonly rendered: RenderedResponse | undefined;
}

const MAX_LINE = 1000;

/** The lines that replace the output placeholder: redacted first, then bounded, then escaped. */
export function outputLines(
  evidence: OutputEvidence,
  options: { language: Language; maxLines: number; redact: Redactor },
): string[] {
  const t = translator(options.language);
  const parts: string[] = [];
  if (evidence.heading !== undefined) parts.push(evidence.heading);
  if (evidence.rendered) parts.push(evidence.rendered.text.replace(/\r\n/g, '\n').replace(/\n+$/, ''));
  let lines = options.redact(parts.filter((p) => p !== '').join('\n')).split('\n');
  if (lines.length === 1 && lines[0] === '') lines = [t('smoke.output.empty')];
  if (lines.length > options.maxLines) {
    const left = lines.length - options.maxLines;
    lines = [...lines.slice(0, options.maxLines), t('smoke.output.notPasted', left)];
  }
  lines.push(...(evidence.rendered?.notes ?? []));
  return lines.map((line) => escapeOutputLine(line.length > MAX_LINE ? line.slice(0, MAX_LINE) + ' …' : line));
}

// The ports of a smoke-test run in the language server: node's fetch, the files
// of the workspace folder holding the document, the monotonic clock, and the
// client for what only the user knows (secret values, whether a foreign host may
// be called). The CLI wires the same core with the environment instead.
import { dirname, isAbsolute, relative } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { declaredSecretNames, scanSecrets } from '../core/secrets';
import {
  defaultSecretDetector,
  FileReadFailure,
  type FileReader,
  type SecretDetector,
  type SmokeEnvironment,
  type SmokeObserver,
  type WallClock,
} from '../core/smoke';
import type { FetchHttpClient } from '../node/fetchHttpClient';
import { systemClock } from '../node/systemClock';
import { createWorkspaceFileReader } from '../node/workspaceFileReader';
import {
  confirmForeignHostRequest,
  secretRequest,
  type ConfirmForeignHostParams,
  type SecretParams,
} from '../protocol';
import { createSecretOpener } from './secretSeal';

export interface EditorEnvironmentOptions {
  readonly connection: Connection;
  readonly http: FetchHttpClient;
  readonly documentUri: string;
  readonly documentText: string;
  /** The workspace folders, as URIs. */
  readonly folders: readonly string[];
  readonly observer: SmokeObserver;
  readonly wallClock: WallClock;
}

export function editorEnvironment(options: EditorEnvironmentOptions): SmokeEnvironment {
  const { connection } = options;
  return {
    http: options.http,
    files: uploadFiles(options.documentUri, options.folders),
    clock: systemClock,
    secrets: { get: (name) => askSecret(connection, name) },
    detectSecrets: responseSecretDetector(options.documentText),
    confirmForeignHost: (request) => {
      const params: ConfirmForeignHostParams = {
        testNumber: request.testNumber,
        method: request.method,
        host: request.host,
        url: request.url,
        headers: request.headers,
        body: request.body,
        files: request.files,
        ...(request.redirectedFrom === undefined ? {} : { redirectedFrom: request.redirectedFrom }),
      };
      return connection.sendRequest(confirmForeignHostRequest, params).then(
        (answer) => answer === true,
        () => false,
      );
    },
    observer: options.observer,
    wallClock: options.wallClock,
  };
}

/** Asks the client for a secret with a one-time key; no answer (or one not sealed for us) is no secret. */
export async function askSecret(connection: Connection, name: string): Promise<string | undefined> {
  const opener = createSecretOpener();
  const params: SecretParams = { name, publicKey: opener.publicKey };
  try {
    const answer = await connection.sendRequest(secretRequest, params);
    return answer?.sealed ? opener.open(name, answer.sealed) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Secrets in responses: the secret detector of core/secrets, with the document's secret names as
 * its vocabulary, and the smoke core's own stand-in (which catches `NAME_KEY=sk-...` log lines the
 * detector's entropy rules let through). Overlapping spans are merged, because the redactor masks
 * each span once and expects them disjoint.
 */
export function responseSecretDetector(documentText: string): SecretDetector {
  const vocabulary = declaredSecretNames(documentText);
  return (text) => mergeSpans([...defaultSecretDetector(text), ...scanSecrets(text, { vocabulary })]);
}

export function mergeSpans(
  spans: readonly { readonly start: number; readonly end: number }[],
): { start: number; end: number }[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/**
 * Uploads (`-F image=@./test/fixture.jpg`) are relative to the workspace folder holding the document,
 * else to the document's own folder, as in the CLI. A document that is not a file reads nothing.
 */
function uploadFiles(documentUri: string, folders: readonly string[]): FileReader {
  const document = URI.parse(documentUri);
  const folderPaths = folders.map((f) => URI.parse(f).fsPath);
  if (document.scheme !== 'file') {
    const first = folderPaths[0];
    return first
      ? createWorkspaceFileReader(first)
      : { read: (path) => Promise.reject(new FileReadFailure('missing', path)) };
  }
  const path = document.fsPath;
  const holds = (folder: string) => {
    const rel = relative(folder, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const innermost = folderPaths.filter(holds).sort((a, b) => b.length - a.length)[0];
  return createWorkspaceFileReader(innermost ?? dirname(path));
}

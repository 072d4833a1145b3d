// Issue 3's speed goals, and issue 17's for keystrokes and start-up, measured side by
// side against a bare remark parse.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { DEFAULT_MAX_PROBLEMS, shownFindings } from '../../server/src/core/findingsLimit';
import { translator } from '../../server/src/core/messages';
import type { Finding } from '../../server/src/core/types';
import { samplePath, sampleText, serverBundle } from '../support/paths';
import { compareMs, medianMs, ratioLine, type BenchLine } from './harness';
import { openInServer } from './lspEdit';

export const title = 'Checklist analysis (issue 3)';

const bareParse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text);

/** The sample 60 times: about 1 MB. Items keep distinct numbers so the model stays realistic. */
export function megabyteDocument(): string {
  return Array.from({ length: 60 }, () => sampleText()).join('\n');
}

export async function run(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const sample = sampleText();
  const [sampleAnalysis, sampleParse] = await compareMs(
    () => new ChecklistAnalyzer().analyze(sample),
    () => bareParse(sample),
    41,
    5,
  );
  lines.push(ratioLine('full analysis of the sample (16 KB)', sampleAnalysis, sampleParse, 'bare parse', 1.0));

  const big = megabyteDocument();
  const [bigFull, bigParse] = await compareMs(
    () => new ChecklistAnalyzer().analyze(big),
    () => bareParse(big),
    3,
    1,
  );
  lines.push(
    ratioLine(`full analysis of the ${(big.length / 1e6).toFixed(2)} M-char document`, bigFull, bigParse, 'bare parse'),
  );
  const analyzer = new ChecklistAnalyzer();
  analyzer.analyze(big);
  // One character typed inside item 3 of the 30th copy, a different one each run so no run hits the cache.
  const at = big.indexOf('[PEGAR SALIDA AQUÍ]', Math.floor(big.length / 2));
  let n = 0;
  const edit = () => {
    n++;
    const edited = big.slice(0, at) + String.fromCharCode(97 + (n % 26)) + big.slice(at);
    return analyzer.analyze(edited);
  };
  const incremental = await medianMs(edit, 15, 3);
  lines.push(
    ratioLine('re-analysis after a one-character edit in one item of it', incremental, bigParse, 'bare parse', 0.03),
  );
  // End to end over the protocol: didChange sent → the diagnostics received and parsed by the bench's client.
  // Typed at the start of a line with a blank's diagnostic the editor is shown (the server gives it the first
  // 999 of the 10,500 by severity, as VS Code itself would keep: `shownFindings`), in the middle of that part:
  // each keystroke moves that diagnostic, as when typing on a line with a diagnostic, and a pull is never
  // answered "unchanged".
  const typed = lineStartOfShownDiagnostic(big, analyzer.analyze(big).findings);
  for (const mode of ['push', 'pull'] as const) {
    const session = await openInServer(big, mode);
    try {
      // Alternated with bare parses, so both see the same load.
      const [roundTrip, parse] = await compareMs(
        () => session.edit(typed),
        () => bareParse(big),
        5,
        1,
      );
      lines.push(
        ratioLine(
          `one-character edit in it over LSP, didChange → diagnostics ${mode === 'push' ? 'published' : 'pulled'} and parsed`,
          roundTrip,
          parse,
          'bare parse',
          0.03,
        ),
      );
    } finally {
      await session.stop();
    }
  }
  lines.push(...(await spawnToDiagnostics()));
  return lines;
}

/** The offset of the start of the line of the shown warning in the middle of those the editor is given. */
function lineStartOfShownDiagnostic(text: string, findings: readonly Finding[]): number {
  const shown = shownFindings(findings, DEFAULT_MAX_PROBLEMS, translator('en')).filter(
    (f) => f.severity === 'warning' && f.range.start.character > 0,
  );
  const line = shown[Math.floor(shown.length / 2)]?.range.start.line;
  if (line === undefined) throw new Error('no diagnostic of the 1 MB document is shown');
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

/**
 * From spawning dist/server.js to the first publishDiagnostics for the sample; median of 5 spawns. Measured twice:
 * at a first start (an empty code cache folder each time: the first start after an install or an update), and at
 * later starts, with the code cache an earlier start wrote (what every other start gets).
 */
export async function spawnToDiagnostics(): Promise<BenchLine[]> {
  const label = 'spawn dist/server.js → first publishDiagnostics for the sample';
  const folders = mkdtempSync(join(tmpdir(), 'readiness-bench-cache-'));
  try {
    const first: number[] = [];
    for (let i = 0; i < 5; i++) first.push(await oneSpawn([`--code-cache-dir=${join(folders, `first-${i}`)}`]));
    const warmFolder = join(folders, 'warm');
    const warm = [`--code-cache-dir=${warmFolder}`];
    await oneSpawn(warm, { waitForCache: true });
    const written = cacheFiles(warmFolder);
    const later: number[] = [];
    for (let i = 0; i < 5; i++) later.push(await oneSpawn(warm));
    // A start that found no cache it could use writes one: the cache written by the warm-up must be left as it was.
    const taken = written !== '' && cacheFiles(warmFolder) === written;
    return [
      { label: `${label}, first start (no code cache yet)`, figure: `${median(first).toFixed(1)} ms (median of 5)` },
      {
        label: `${label}, later starts (${taken ? 'code cache warm, written by an earlier start' : 'CODE CACHE NOT TAKEN'})`,
        figure: `${median(later).toFixed(1)} ms (median of 5)`,
        goal: '≤ 150 ms',
        met: taken && median(later) <= 150,
      },
    ];
  } finally {
    rmSync(folders, { recursive: true, force: true });
  }
}

/** The cache files of a folder with their sizes and modification times. */
function cacheFiles(folder: string): string {
  return readdirSync(folder)
    .map((name) => `${name} ${statSync(join(folder, name)).size} ${statSync(join(folder, name)).mtimeMs}`)
    .join('\n');
}

function median(times: readonly number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

/** One start; with waitForCache, the server is shut down once it has written its code cache (after its first analysis). */
async function oneSpawn(args: readonly string[], options: { waitForCache?: boolean } = {}): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [serverBundle, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const uri = pathToFileURL(samplePath).href;
  const published = new Promise<void>((resolve) => {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri && params.diagnostics.length > 0) resolve();
    });
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text: sampleText() },
  });
  await published;
  const elapsed = performance.now() - start;
  if (options.waitForCache) {
    // The cache is written right after the first analysis is published, before a request that follows it is read.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await exited;
  } else child.kill();
  connection.dispose();
  return elapsed;
}

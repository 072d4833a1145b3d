// Issue 6's speed goals, against the staging stand-in on loopback: the runner's
// own time per request over the server's, and the sample's seven smoke tests
// run (and their evidence computed) against the same seven commands run with
// the real curl from a shell.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  applyTextEdits,
  defaultSmokeSettings,
  evidenceEdits,
  runSmokeTests,
  smokeTestsOf,
  type SmokeSettings,
} from '../../server/src/core/smoke';
import { DEFAULT_LOG_TOKEN, startStagingServer, type StagingServer } from '../staging-server/server';
import { http, nodeEnvironment } from '../staging-server/testing';
import { sampleText, sampleWorkspace } from '../support/paths';
import { compareMs, ratioLine, type BenchLine } from './harness';

export const title = 'Smoke tests (issue 6)';

const RUNS = 25;

export async function run(): Promise<BenchLine[]> {
  const server = await startStagingServer();
  try {
    await http.warmUp();
    const lines = await overheadPerRequest(server);
    const sample = sampleText();
    const settings: SmokeSettings = { ...defaultSmokeSettings, baseUrl: server.url };
    const env = nodeEnvironment();
    // What a user gets from "run all": recognise, run, compute and apply the evidence.
    const runner = async () => {
      const suite = smokeTestsOf(sample);
      const result = await runSmokeTests(suite, settings, env);
      if (!result.results.every((r) => r.outcome === 'passed')) throw new Error('a smoke test failed in the bench');
      return applyTextEdits(sample, evidenceEdits(suite, result.results).edits);
    };
    const missing = ['curl', 'jq', 'bash'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
    if (missing.length > 0) {
      lines.push({
        label: 'seven tests vs curl from a shell',
        figure: `not measured: ${missing.join(', ')} not installed (apt-get install ${missing.join(' ')})`,
      });
      return lines;
    }
    const script = shellScript(server.url);
    const [ours, curl] = await compareMs(runner, () => runShell(script), RUNS, 3);
    lines.push(ratioLine("the sample's seven tests, whole run", ours, curl, 'curl + jq from bash', 1));
    return lines;
  } finally {
    await server.close();
  }
}

/** Runner time per request minus the time the server itself spent on it, over the seven tests. */
async function overheadPerRequest(server: StagingServer): Promise<BenchLine[]> {
  const suite = smokeTestsOf(sampleText());
  const settings: SmokeSettings = { ...defaultSmokeSettings, baseUrl: server.url };
  const env = nodeEnvironment();
  const overheads: number[] = [];
  const walls: number[] = [];
  const serverTimes: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const first = server.requests.length;
    const start = performance.now();
    await runSmokeTests(suite, settings, env);
    const wall = performance.now() - start;
    const handled = server.requests.slice(first).reduce((sum, r) => sum + r.handledMs, 0);
    if (i < 3) continue;
    walls.push(wall / 7);
    serverTimes.push(handled / 7);
    overheads.push((wall - handled) / 7);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const overhead = median(overheads);
  // For scale: one bare fetch of /api/health, which is most of that overhead.
  const bare: number[] = [];
  for (let i = 0; i < RUNS * 7; i++) {
    const first = server.requests.length;
    const start = performance.now();
    await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    bare.push(performance.now() - start - (server.requests[first]?.handledMs ?? 0));
  }
  return [
    {
      label: 'runner overhead per request (seven tests, loopback)',
      figure: `${overhead.toFixed(2)} ms over the server's time (runner ${median(walls).toFixed(2)} ms vs server ${median(serverTimes).toFixed(2)} ms per request)`,
      goal: '≤ 2 ms',
      met: overhead <= 2,
    },
    {
      label: "of which fetch itself (a bare GET /api/health over the server's time)",
      figure: `${median(bare).toFixed(2)} ms`,
    },
  ];
}

/** The sample's seven commands as a shell runs them, the session id captured the way a person would. */
function shellScript(base: string): string {
  return [
    'set -e',
    `B='${base}'`,
    'curl -sS -X GET "$B/api/health" | jq',
    `out=$(curl -sS -X POST "$B/api/greeting" -H "Content-Type: application/json" -d '{}'); echo "$out" | jq; sid=$(echo "$out" | jq -r .sessionId)`,
    'curl -sS -X POST "$B/api/session/validate" -H "Content-Type: application/json" -d "{\\"sessionId\\":\\"$sid\\"}" | jq',
    'time curl -sS -X POST "$B/api/chat" -H "Content-Type: application/json" -d "{\\"sessionId\\":\\"$sid\\",\\"message\\":\\"hola\\"}" | jq',
    'curl -sS -X POST "$B/api/upload-image" -H "x-session-id: $sid" -F "image=@./test/fixture.jpg" | jq',
    'curl -sS -X POST "$B/api/whatsapp-ticket" -H "Content-Type: application/json" -d "{\\"sessionId\\":\\"$sid\\"}" | jq',
    'curl -sS -X GET "$B/api/logs?token=$LOG_TOKEN" | head -n 40',
  ].join('\n');
}

function runShell(script: string): Promise<void> {
  const child = spawn('bash', ['-c', script], {
    cwd: sampleWorkspace,
    env: { ...process.env, LOG_TOKEN: DEFAULT_LOG_TOKEN },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`the shell run exited with ${code ?? 'a signal'}`)),
    );
  });
}

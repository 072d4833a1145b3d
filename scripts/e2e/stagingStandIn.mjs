// The staging stand-in (test/staging-server) as a child process on a free loopback port, for
// `npm start` (the demo's smoke tests) and `npm run test:e2e` (the smoke-test integration test).
// It runs through tsx, a devDependency, like the bench and the unit tests.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import process from 'node:process';

/** test/staging-server/main.ts through tsx (a devDependency); its first line says where it listens. */
export function startStagingStandIn({ repoRoot }) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'test', 'staging-server', 'main.ts'), '--port', '0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => void stop().then(() => reject(new Error('the staging stand-in did not start within 30 s'))),
      30_000,
    );
    const listening = (chunk) => {
      buffered += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(buffered);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', listening);
      child.stdout.resume();
      resolve({ url: match[1], stop });
    };
    child.stdout.setEncoding('utf8').on('data', listening);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the staging stand-in exited (${code}) before listening`));
    });
  });
}

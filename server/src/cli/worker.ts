// A thread of `readiness check`'s pool (dist/cli.js started as a worker): checks the
// files it is sent (with the settings of their configuration file, read by the
// CLI's own thread), one at a time, and answers each with its outcome (or the
// one-line message of why it could not be checked).
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, outcomeOf, type FileCheckSettings } from './checkFile';
import type { TaskMessage, ResultMessage } from './pool';
import type { FileFactsOfRun } from './references';
import { cliService } from './service';

/** Answers the pool's tasks in this thread. */
export function serveChecks(): void {
  const settings = workerData as FileCheckSettings;
  const service = cliService({ locale: settings.locale, today: settings.today });
  const port = parentPort;
  const facts: FileFactsOfRun = new Map();

  port?.on('message', (task: TaskMessage) => {
    checkFile(service, task.file, task.text, settings, task.config, facts).then(
      (report) =>
        port.postMessage({ id: task.id, outcome: outcomeOf(report, settings.format) } satisfies ResultMessage),
      (error: unknown) =>
        port.postMessage({
          id: task.id,
          failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies ResultMessage),
    );
  });
}

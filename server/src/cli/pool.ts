// `readiness check` on all cores: files are checked in a pool of worker threads
// sized to the machine (in this thread when there are few), and their outcomes
// come back in path order whatever order the threads finish in. At most a few
// files per thread are in flight, and only their outcomes (renderings, never
// models) are kept until printed, so memory stays flat however many files there are.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResourceSettings } from '../core/api';
import type { ReadinessService } from '../core/service';
import { checkFile, mayBeChecklist, outcomeOf, type FileCheckSettings, type FileOutcome } from './checkFile';
import { CliConfig } from './config';
import type { FileFactsOfRun } from './references';
import { collectMarkdownFiles, InputError, readText, type MarkdownFile } from './files';
import { cliService } from './service';

export interface TaskMessage {
  readonly id: number;
  readonly file: MarkdownFile;
  readonly text: string;
  /** The settings of the configuration file that applies, read in this thread. */
  readonly config: ResourceSettings;
}

export type ResultMessage =
  { readonly id: number; readonly outcome: FileOutcome } | { readonly id: number; readonly failure: string };

/** Checks one file's text, here or in another thread. */
interface Checker {
  check(file: MarkdownFile, text: string, config: ResourceSettings): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** Below this many files per thread, starting a thread costs more than it saves. */
const FILES_PER_THREAD = 8;
/** Files in flight per thread: enough to keep it busy while the next file is read. */
const IN_FLIGHT_PER_THREAD = 4;
/**
 * A worker's heap: a small young generation (V8's default is 48 MB per thread) and no cap on
 * the old one. Measured on 200 checklists and two cores, any old-generation cap from 48 to
 * 256 MB cost 1.3 to 2 times the CPU time; an 8 MB young generation cost none and took a
 * fifth off the peak memory.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8 };

/**
 * The number of threads for `files` files: `jobs` if given, else one per core but one, fewer for few files.
 * The core left over is V8's: its garbage collector runs beside each thread. On two cores one thread
 * checked 200 checklists in 5.8–6.0 s and 8.3–8.8 s of CPU; two worker threads took 6.1–6.2 s and 11.3 s.
 */
export function threadsFor(files: number, jobs: number | undefined, cores = availableParallelism()): number {
  if (jobs !== undefined) return Math.max(1, jobs);
  return Math.max(1, Math.min(cores - 1, Math.floor(files / FILES_PER_THREAD)));
}

function inThisThread(service: ReadinessService, settings: FileCheckSettings): Checker {
  const facts: FileFactsOfRun = new Map();
  return {
    check: async (file, text, config) =>
      outcomeOf(await checkFile(service, file, text, settings, config, facts), settings.format),
    close: () => Promise.resolve(),
  };
}

interface Task {
  readonly file: MarkdownFile;
  readonly text: string;
  readonly config: ResourceSettings;
  readonly resolve: (outcome: FileOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, Task>;
}

/**
 * Worker threads; this one reads files and prints. A file goes to the worker with
 * the fewest files in flight. Should a worker run out of memory, its files are
 * checked again in this thread; the pool goes on without it.
 */
class WorkerPool implements Checker {
  private readonly workers: PoolWorker[] = [];
  private readonly here: Checker;
  private nextId = 0;

  constructor(size: number, settings: FileCheckSettings, service: ReadinessService) {
    this.here = inThisThread(service, settings);
    // dist/cli.js, started as a worker thread, serves checks (`server/src/main.ts`);
    // it sits next to dist/readiness.js, which this module is bundled into.
    const script = join(__dirname, 'cli.js');
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: settings, resourceLimits: WORKER_HEAP });
      const entry: PoolWorker = { worker, pending: new Map() };
      worker.on('message', (message: ResultMessage) => {
        const task = entry.pending.get(message.id);
        entry.pending.delete(message.id);
        if ('outcome' in message) task?.resolve(message.outcome);
        else task?.reject(new Error(message.failure));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        this.workers.splice(this.workers.indexOf(entry), 1);
        for (const task of entry.pending.values()) {
          if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
            this.here.check(task.file, task.text, task.config).then(task.resolve, task.reject);
          else task.reject(error);
        }
        entry.pending.clear();
      });
      worker.on('exit', (code) => {
        for (const task of entry.pending.values())
          task.reject(new Error(`a checking thread stopped (exit code ${code})`));
        entry.pending.clear();
      });
      this.workers.push(entry);
    }
  }

  check(file: MarkdownFile, text: string, config: ResourceSettings): Promise<FileOutcome> {
    if (this.workers.length === 0) return this.here.check(file, text, config);
    const least = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      least.pending.set(id, { file, text, config, resolve, reject });
      least.worker.postMessage({ id, file, text, config } satisfies TaskMessage);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

export interface RunOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly settings: FileCheckSettings;
  /** The front door of this thread (each worker makes its own); default: `cliService` with the settings' locale and date. */
  readonly service?: ReadinessService | undefined;
  /** `--jobs`: the number of threads; default: one per core, this thread alone for few files. */
  readonly jobs?: number | undefined;
  /** Called with each file's outcome, in path order. */
  readonly emit: (outcome: FileOutcome) => void;
  /** Called after each file with the number done and the total. */
  readonly progress?: ((done: number, total: number) => void) | undefined;
}

/** Checks every markdown file of the paths; returns the one-line messages of what could not be checked, in path order. */
export async function runChecks(options: RunOptions): Promise<string[]> {
  const slots: (MarkdownFile | InputError)[] = [];
  for (const path of options.paths) {
    try {
      slots.push(...(await collectMarkdownFiles([path], options.cwd)));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      slots.push(error);
    }
  }
  const total = slots.filter((s) => !(s instanceof InputError)).length;
  const threads = threadsFor(total, options.jobs);
  let checker: Checker | undefined;
  const service = options.service ?? cliService({ locale: options.settings.locale, today: options.settings.today });
  // Threads start with the first file that may be a checklist: a folder of READMEs needs none.
  const lazyChecker = () =>
    (checker ??=
      threads <= 1 ? inThisThread(service, options.settings) : new WorkerPool(threads, options.settings, service));
  const errors: string[] = [];
  // Configuration problems are errors, each once, in the order of the files they apply to.
  const reported = new Set<string>();
  const config = new CliConfig(service, options.settings.root);
  const queue: Promise<Started | InputError>[] = [];
  let done = 0;
  const emitOldest = async () => {
    const result = await (queue.shift() as Promise<Started | InputError>);
    if (result instanceof InputError) {
      errors.push(result.message);
    } else {
      for (const problem of result.problems) if (!reported.has(problem) && reported.add(problem)) errors.push(problem);
      options.emit(result.outcome);
      options.progress?.(++done, total);
    }
  };
  try {
    for (const slot of slots) {
      const started =
        slot instanceof InputError
          ? Promise.resolve(slot)
          : start(slot, options.settings, service, config, lazyChecker);
      // Awaited in order below; until then a failure must not count as unhandled.
      started.catch(() => undefined);
      queue.push(started);
      // Settle in order; a slow file holds back at most this many finished ones.
      while (queue.length >= threads * IN_FLIGHT_PER_THREAD) await emitOldest();
    }
    while (queue.length > 0) await emitOldest();
  } finally {
    await checker?.close();
  }
  return errors;
}

/** A file's outcome and the problems of the configuration file that applies to it. */
interface Started {
  readonly outcome: FileOutcome;
  readonly problems: readonly string[];
}

/** Reads a file and its settings and checks it, unless the cheap pre-check already says it is no checklist. */
async function start(
  file: MarkdownFile,
  settings: FileCheckSettings,
  service: ReadinessService,
  config: CliConfig,
  checker: () => Checker,
): Promise<Started | InputError> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  const { settings: fileConfig, problems } = await config.forFile(file.absolutePath);
  if (!mayBeChecklist(service, file, text, fileConfig))
    return {
      outcome: outcomeOf({ path: file.displayPath, isChecklist: false, analysis: undefined }, settings.format),
      problems,
    };
  return { outcome: await checker().check(file, text, fileConfig), problems };
}

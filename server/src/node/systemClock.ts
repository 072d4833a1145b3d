// The Clock of the language server and the CLI: node's monotonic high-resolution timer.
import { performance } from 'node:perf_hooks';
import type { Clock } from '../core/smoke/ports';

export const systemClock: Clock = { now: () => performance.now() };

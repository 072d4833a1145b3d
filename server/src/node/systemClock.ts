// The Clock of the language server and the CLI: node's monotonic high-resolution timer,
// and node's timers for the core's timeouts.
import { performance } from 'node:perf_hooks';
import type { Clock } from '../core/smoke/ports';

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

// The clocks of the language server and the CLI: node's monotonic high-resolution
// timer for response times, node's timers for the core's timeouts, and the wall clock
// for when a test ran.
import { performance } from 'node:perf_hooks';
import type { Clock, WallClock } from '../core/smoke/ports';
import { localDateTime } from '../core/dates';

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

export const systemWallClock: WallClock = {
  now: () => {
    const moment = new Date();
    return { ms: moment.getTime(), offsetMinutes: -moment.getTimezoneOffset() };
  },
};

const DAY_MS = 86_400_000;

/**
 * The wall clock moved by whole days so that its local date is `today` (`YYYY-MM-DD`): a server
 * whose date is pinned (as the CLI's `--today` pins it) stamps evidence on that date too.
 */
export function wallClockOn(today: string | undefined): WallClock {
  if (today === undefined) return systemWallClock;
  return {
    now: () => {
      const real = systemWallClock.now();
      const days = Math.round((Date.parse(today) - Date.parse(localDateTime(new Date(real.ms)).date)) / DAY_MS);
      const moment = new Date(real.ms + days * DAY_MS);
      return { ms: moment.getTime(), offsetMinutes: -moment.getTimezoneOffset() };
    },
  };
}

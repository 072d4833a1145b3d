// The server's clock: the local date and time, for overdue checks and for the
// "insert today's date" fix. Tests of the core pass fixed values instead.
import type { Now } from '../core/features/fixes';

const pad = (n: number): string => String(n).padStart(2, '0');

export function localNow(date = new Date()): Now {
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}

// The local date and time of a moment, as checklists write them. The core never
// reads the clock: callers pass the moment (`new Date()` in the server and CLI).

export interface Now {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:MM` */
  readonly time: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function localDateTime(moment: Date): Now {
  return {
    date: `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`,
    time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}`,
  };
}

/** `HH:MM:SS`, local: when a smoke test last ran. */
export function localTimeOfDay(moment: Date): string {
  return `${pad(moment.getHours())}:${pad(moment.getMinutes())}:${pad(moment.getSeconds())}`;
}

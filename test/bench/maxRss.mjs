// Preloaded (`node --import`) into a process the bench spawns: on exit, writes the
// process's peak resident set size (all its threads), in kilobytes, to the file
// named by READINESS_BENCH_MAX_RSS.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.READINESS_BENCH_MAX_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});

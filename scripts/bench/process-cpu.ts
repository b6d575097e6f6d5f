// CPU time of a process by its pid, for benches that divide a phase's CPU by its requests.
import fs from 'node:fs';

/** A process's CPU time in ms (user + system, from /proc: Linux only; NaN elsewhere or once it has exited). */
export function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks of 1/100 s (USER_HZ).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

// Whether a program run by the Docker or process driver is blocked reading its standard input,
// asked only when its wall clock runs out: time spent waiting for the learner to type is not the
// program's time. Linux's /proc says where each process sleeps (wchan): a read on the stdin pipe
// sleeps in pipe_read (anon_pipe_read on newer kernels), on Node's socket pair in
// unix_stream_read_generic, on a terminal in n_tty_read.
import fs from 'node:fs/promises';

/** True when one of the program's processes sleeps in a read of a pipe or terminal. Pure. */
export function readsInput(wchans: readonly string[]): boolean {
  return wchans.some((wchan) => /(^|_)pipe_read$|tty_read$|^unix_stream_read/.test(wchan.trim()));
}

/** The shell command that prints the wchan of every process but PID 1 (the container's init), one a line. */
export const containerWchanCommand = [
  'sh',
  '-c',
  'for d in /proc/[0-9]*; do [ "${d#/proc/}" = 1 ] || [ "${d#/proc/}" = $$ ] || { cat "$d/wchan" 2>/dev/null; echo; }; done',
];

/** The wchans of the processes in process group `pgid` (the process driver's run), from this host's /proc. */
export async function processGroupWchans(pgid: number): Promise<string[]> {
  const wchans: string[] = [];
  // No /proc (not Linux): no process is seen waiting for input, the same as a busy program.
  for (const pid of await fs.readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    // A process that ended meanwhile has no files left: it reads nothing.
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces): state, ppid, pgrp.
    const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    if (pgrp === pgid) wchans.push(await fs.readFile(`/proc/${pid}/wchan`, 'utf8').catch(() => ''));
  }
  return wchans;
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The postmaster's pid, from the first line of postmaster.pid in the data folder. */
export function postmasterPid(dataDir: string): number {
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
  return pid;
}

/** The postmaster and every backend it forked: stopping only the postmaster would leave open sessions answering. */
export function clusterPids(dataDir: string): number[] {
  const postmaster = postmasterPid(dataDir);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
  return [postmaster, ...children];
}

/** Freezes the whole server (SIGSTOP): connections stay open but nothing answers, like a stalled host. */
export function freezeCluster(dataDir: string): number[] {
  const pids = clusterPids(dataDir);
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  return pids;
}

export function thawCluster(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      // a backend that ended meanwhile
    }
  }
}

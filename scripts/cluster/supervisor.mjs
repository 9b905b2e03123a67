// Starts the cluster's processes, restarts one that dies (as an orchestrator would), and stops them all.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export class Supervisor {
  constructor({ logDir, log, onGiveUp, onStart }) {
    this.logDir = logDir;
    this.log = log;
    this.onGiveUp = onGiveUp;
    this.onStart = onStart;
    this.services = new Map();
    this.stopping = false;
  }

  /** `spec`: { name, command, args, env, cwd, uid, gid, restartDelayMs, stopSignal } */
  start(spec) {
    const service = { spec, child: null, restarts: [], exited: null };
    this.services.set(spec.name, service);
    this.#spawn(service);
    return service;
  }

  pid(name) {
    return this.services.get(name)?.child?.pid ?? null;
  }

  #spawn(service) {
    const { spec } = service;
    const out = openSync(join(this.logDir, `${spec.name}.log`), 'a');
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      uid: spec.uid,
      gid: spec.gid,
      // Own process group: a terminal's Ctrl-C reaches only the supervisor, which stops things in order.
      detached: true,
      stdio: ['ignore', out, out],
    });
    service.child = child;
    service.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.once('error', (error) => this.log(`${spec.name} could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (this.stopping || service.child !== child) return;
      const now = Date.now();
      service.restarts = service.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
      if (service.restarts.length >= MAX_RESTARTS) {
        this.onGiveUp(
          `${spec.name} keeps dying (${MAX_RESTARTS} restarts within ${RESTART_WINDOW_MS / 1000} s); see ${join(this.logDir, `${spec.name}.log`)}`,
        );
        return;
      }
      service.restarts.push(now);
      this.log(
        `${spec.name} (pid ${child.pid}) exited (${signal ?? `code ${code}`}); restarting in ${spec.restartDelayMs} ms`,
      );
      setTimeout(() => {
        if (this.stopping) return;
        this.#spawn(service);
        this.log(`${spec.name} restarted (pid ${service.child.pid})`);
      }, spec.restartDelayMs);
    });
    this.onStart?.();
  }

  /** Stops in the given order, each with its own signal, then SIGKILL after a grace period. */
  async stopAll(order) {
    this.stopping = true;
    for (const names of order) {
      await Promise.all(
        names.map(async (name) => {
          const service = this.services.get(name);
          const child = service?.child;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          try {
            child.kill('SIGCONT'); // a frozen (SIGSTOPped) process could not act on the signal below
            child.kill(service.spec.stopSignal ?? 'SIGTERM');
          } catch {
            return;
          }
          const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 15_000);
          await service.exited;
          clearTimeout(timer);
        }),
      );
    }
  }

  /**
   * Last resort on process exit: nothing may outlive the cluster. Whole process groups, since each
   * service runs in its own: nginx's workers and PostgreSQL's backends outlive a killed master.
   */
  killAllNow() {
    for (const { child } of this.services.values()) if (child?.pid) killGroup(child.pid, 'SIGKILL');
  }
}

/** Signals every process of a service's group (it was spawned detached, so its pid is the group id). */
export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

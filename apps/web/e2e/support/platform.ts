import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePortBlock } from '../../../../scripts/free-ports.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
  }
}

const root = fileURLToPath(new URL('../../../../', import.meta.url));

async function waitFor(url: string, timeoutMs: number, process: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.exitCode !== null)
      throw new Error(`The platform exited early (code ${process.exitCode}). Its last output:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Starts the built platform exactly as `pnpm start` does, on a throwaway data directory and free ports. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sailcourt-e2e-'));
  const webPort = await freePortBlock(3);
  const [apiPort, pgPort] = [webPort + 1, webPort + 2];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    WEB_PORT: String(webPort),
    API_PORT: String(apiPort),
    EMBEDDED_PG_PORT: String(pgPort),
    HOST: '127.0.0.1',
    ORIGIN: webUrl,
  };
  const platform = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Quiet while it works, but what it printed last explains a failed start.
  let recent = '';
  platform.stdout?.on('data', (chunk: Buffer) => {
    recent = (recent + chunk.toString()).slice(-4000);
  });
  await waitFor(`${webUrl}/`, 150_000, platform, () => recent);
  project.provide('webUrl', webUrl);
  project.provide('apiUrl', apiUrl);
  return async () => {
    await new Promise<void>((resolve) => {
      platform.once('exit', () => resolve());
      platform.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  };
}

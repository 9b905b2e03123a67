/** Bounded request loops against the cluster (127.0.0.1 only), counting every outcome. */

export type LoadResult = { total: number; ok: number; failed: number; failures: string[]; maxMs: number };

/**
 * `workers` loops, each requesting the next URL as soon as the previous answered, for `durationMs`.
 * A request fails when it errors, times out (5 s) or answers anything but 200.
 */
export async function readLoad(
  urls: readonly string[],
  durationMs: number,
  workers: number,
  midway?: () => void | Promise<void>,
  midwayAtMs = 0,
): Promise<LoadResult> {
  const result: LoadResult = { total: 0, ok: 0, failed: 0, failures: [], maxMs: 0 };
  const end = Date.now() + durationMs;
  let next = 0;
  const loop = async () => {
    while (Date.now() < end) {
      const url = urls[next++ % urls.length] as string;
      const started = Date.now();
      let outcome: string | null = null;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        if (res.status !== 200) outcome = `${res.status} ${url}`;
      } catch (error) {
        outcome = `${error instanceof Error ? error.message : String(error)} ${url}`;
      }
      result.total++;
      result.maxMs = Math.max(result.maxMs, Date.now() - started);
      if (outcome) {
        result.failed++;
        if (result.failures.length < 10) result.failures.push(outcome);
      } else result.ok++;
    }
  };
  const trigger = midway
    ? new Promise<void>((resolve) => setTimeout(() => void Promise.resolve(midway()).then(resolve), midwayAtMs))
    : Promise.resolve();
  await Promise.all([...Array.from({ length: workers }, loop), trigger]);
  return result;
}

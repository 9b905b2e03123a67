/** What every benchmark script shares: number formatting, percentiles, and how a run ends. */

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Runs a benchmark and exits: 0 when it finished, 1 with the error printed when it could not. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** The organizer every benchmark signs in as, seeded into its throwaway database. */
export const BENCH_ORGANIZER = { email: 'bench@sailcourt.local', password: 'bench-organizer-password' } as const;

/** The settings every benchmark's API runs with (in process or as a child's environment). */
export const BENCH_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'bench-secret-that-is-at-least-32-characters',
  ORGANIZER_EMAIL: BENCH_ORGANIZER.email,
  ORGANIZER_PASSWORD: BENCH_ORGANIZER.password,
} as const;

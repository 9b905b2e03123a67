/** The newest live seq among the games a page rendered: a stream opened from there misses nothing. */
export function lastSeqOf(matches: ReadonlyArray<{ liveSeq: number | null }>): number | undefined {
  const seqs = matches.flatMap((m) => (m.liveSeq === null ? [] : [m.liveSeq]));
  return seqs.length > 0 ? Math.max(...seqs) : undefined;
}

/** A live message that changes standings and brackets: a game's result. */
export const isResult = (patch: { status: string }): boolean => patch.status === 'final' || patch.status === 'forfeit';

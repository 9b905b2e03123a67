// The tracker's leaderboard: finished boats first in finishing order, then ascending DTF.

export type RankableBoat = { id: string; finishedAt: number | null; dtfNm: number | null };
export type RankedBoat<T extends RankableBoat> = T & {
  rank: number | null;
  /** Distance to the leader: DTF minus the best DTF of the boats still racing; 0 for finished boats. */
  dtlNm: number | null;
};

/**
 * Ranks as offshore race trackers publish (e.g. the Vendée Globe's rankings): boats that finished
 * come first, in finishing order; boats racing follow by ascending DTF; boats without a fix come last,
 * unranked. Equal DTF share a rank (1, 1, 3); ties keep the input order.
 */
export function rankByDistanceToFinish<T extends RankableBoat>(boats: readonly T[]): RankedBoat<T>[] {
  const finished = boats
    .filter((b) => b.finishedAt !== null)
    .sort((a, b) => (a.finishedAt as number) - (b.finishedAt as number));
  const racing = boats
    .filter((b) => b.finishedAt === null && b.dtfNm !== null)
    .sort((a, b) => (a.dtfNm as number) - (b.dtfNm as number));
  const unplaced = boats.filter((b) => b.finishedAt === null && b.dtfNm === null);
  const leaderDtf = racing[0]?.dtfNm ?? null;
  const ranked: RankedBoat<T>[] = [];
  finished.forEach((boat, index) => {
    const tiedWithPrevious = index > 0 && (finished[index - 1] as T).finishedAt === boat.finishedAt;
    ranked.push({ ...boat, rank: tiedWithPrevious ? (ranked[index - 1] as RankedBoat<T>).rank : index + 1, dtlNm: 0 });
  });
  racing.forEach((boat, index) => {
    const position = finished.length + index;
    const tiedWithPrevious = index > 0 && (racing[index - 1] as T).dtfNm === boat.dtfNm;
    ranked.push({
      ...boat,
      rank: tiedWithPrevious ? (ranked[position - 1] as RankedBoat<T>).rank : position + 1,
      dtlNm: (boat.dtfNm as number) - (leaderDtf as number),
    });
  });
  for (const boat of unplaced) ranked.push({ ...boat, rank: null, dtlNm: null });
  return ranked;
}

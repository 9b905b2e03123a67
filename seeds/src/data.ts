import { readFileSync } from 'node:fs';

/** Every seeded record says where it comes from; `illustrative` lists the fields the sources do not give. */
export type Sourced = { source: string; illustrative?: string[]; note?: string };

export type SeasonSeed = Sourced & {
  slug: string;
  name: string;
  nameEn: string;
  theme: string;
  themeEn: string;
  startDate: string;
  endDate: string;
  operator: string;
  operatorEn: string;
  description: string;
  descriptionEn: string;
  targets: { participants: number; visits: number; spendingYuan: number };
};

export type VenueSeed = Sourced & {
  slug: string;
  name: string;
  nameEn: string;
  city: string;
  cityEn: string;
  courts: number;
  seats: number | null;
  lat: number;
  lon: number;
};

export type EventSeed = Sourced & {
  slug: string;
  name: string;
  nameEn: string;
  kind: 'league' | 'tournament' | 'camp' | 'forum' | 'festival';
  startDate: string;
  endDate: string;
  venueSlug: string;
  capacity: number | null;
  registrationMode: 'approval' | 'first-come';
  participantTarget: number | null;
  cities: string[];
  rosterMin?: number;
  rosterMax?: number;
  /** Basketball rules; absent = 'fiba' (five-a-side). */
  ruleset?: 'fiba' | 'fiba-3x3';
  description: string;
  descriptionEn: string;
};

export type TeamSeed = Sourced & { slug: string; name: string; nameEn: string; city: string; cityEn: string | null };

export type RallySeed = Sourced & {
  slug: string;
  name: string;
  nameEn: string;
  startDate: string;
  endDate: string;
  distanceNm: number;
  discards: number;
  rules: string;
  boatClass: string;
  description: string;
  descriptionEn: string;
};

export type PortSeed = Sourced & { slug: string; name: string; nameEn: string; lat: number; lon: number };
/** A mark of a leg's course to pass in order (illustrative for 2023: see `waypointsNote`). */
export type WaypointSeed = { lat: number; lon: number; name: string };
export type LegSeed = Sourced & {
  number: number;
  from: string;
  to: string;
  distanceNm: number;
  startsAt: string;
  coefficient: number;
  waypoints?: WaypointSeed[];
};
export type RallyEntrySeed = Sourced & {
  sailNumber: string;
  boatName: string;
  teamName: string;
  teamNameEn: string;
  city: string;
  rating: number;
  officialRank: number;
};

/** What the race committee recorded for one boat in one leg: a finish time or a scoring code (RRS Appendix A). */
export type LegResultSeed = Sourced & {
  leg: number;
  sailNumber: string;
  finishedAt?: string;
  code?: string;
  points?: number;
};

export type BasketballSeasonData = { season: SeasonSeed; venues: VenueSeed[]; events: EventSeed[] };

/** How a league's illustrative fixtures and early results are generated (issue 3). */
export type CompetitionSeed = Sourced & {
  eventSlug: string;
  venueSlug: string;
  format: 'round-robin';
  dailySlots: string[];
  minRestHours: number;
  matchDurationMinutes: number;
  /** Games starting before this local day get made-up results. */
  resultsBefore: string;
  /** Relative team strength by slug, for plausible made-up scores. */
  strength: Record<string, number>;
};

export type DivisionSeed = Sourced & {
  code: string;
  name: string;
  nameEn: string;
  ageGroup: string;
  gender: 'boys' | 'girls' | 'mixed';
  bornOnOrAfter: string | null;
  capacity: number | null;
  position: number;
  rosterMin?: number;
  rosterMax?: number;
  city?: string;
  cityEn?: string;
};
export type EventDivisionsSeed = { eventSlug: string; divisions: DivisionSeed[] };

export type RallyData = {
  rally: RallySeed;
  ports: PortSeed[];
  legs: LegSeed[];
  entries: RallyEntrySeed[];
  legResults: LegResultSeed[];
};

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8')) as T;

export const loadBasketballSeason = (): BasketballSeasonData => read('basketball-season-2023.json');
export const loadCbaSummerLeagueTeams = (): TeamSeed[] => read('cba-summer-league-2023-teams.json');
export const loadRally = (): RallyData => read('sailing-rally-2023.json');
/** An `ImpactAssumptions` object (packages/domain); validated when seeded. */
export const loadImpactAssumptions2023 = (): unknown => read('impact-assumptions-2023.json');
export const loadCbaSummerLeagueSchedule = (): CompetitionSeed => read('cba-summer-league-2023-schedule.json');
export const loadFutureStarsDivisions = (): EventDivisionsSeed => read('future-stars-2023-divisions.json');

/** Seeded sailing teams need a stable key so that re-seeding finds them again. */
export const rallyTeamSlug = (rallySlug: string, sailNumber: string): string =>
  `${rallySlug}-${sailNumber.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

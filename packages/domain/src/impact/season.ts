// Season totals and registration actuals.
//
// Summing event estimates would count a person who attends several events of the season once per event.
// The correction is one explainable number per event and visitor group, `repeatAttendanceShare` r:
//
//   "Of this event's visitors in this group, the share whose trip is already counted under another event
//    of this season."
//
// In the season total each of the event's group figures (visitors, nights, every spending category) is
// multiplied by (1 − r); derived companions follow the r of the group they accompany. The event that
// "owns" a shared trip (usually the first or biggest) keeps r = 0; later events carry the overlap, e.g. a
// fan who came for the Summer League and stayed for a camp showcase is counted once, with the trip of the
// event that brought them. This is deliberately conservative: extra nights a second event adds to a trip
// are not counted. Someone who makes two separate trips is two visits, so r stays 0 for them.
// Organisers' net spend is not a person and is summed as is. Each event's standalone estimate (r ignored)
// is returned beside its season contribution so both can be shown.

import {
  IMPACT_GROUP_KEYS,
  normalizeImpactAssumptions,
  type ImpactAssumptions,
  type ImpactAssumptionValue,
} from './assumptions.js';
import {
  assembleImpactEstimate,
  estimateResolvedTourismImpact,
  impactContributions,
  type ImpactCompanionsBasis,
  type ImpactContribution,
  type TourismImpactEstimate,
} from './model.js';

export interface SeasonImpactEvent {
  eventId: string;
  label?: string;
  assumptions: ImpactAssumptions;
}

export interface SeasonImpactEventResult {
  eventId: string;
  label?: string;
  /** The event on its own, all of its visitors. */
  standalone: TourismImpactEstimate;
  /** What the event adds to the season once repeat attendance is removed. */
  seasonContribution: TourismImpactEstimate;
}

export interface SeasonImpactEstimate extends TourismImpactEstimate {
  events: SeasonImpactEventResult[];
  /** Σ standalone visitors − season visitors: visits removed as already counted under another event. */
  repeatVisitorsRemoved: number;
}

/**
 * Sum events into a season without counting repeat attendees twice (see the file comment).
 * Gross output and income are Σ k_e × D_e per event; the reported multipliers are the season's effective
 * ones (gross output / direct), or the shared values when every event uses the same multipliers.
 * Throws a RangeError when an event id appears twice (that event would be counted twice).
 */
export function estimateSeasonImpact(events: readonly SeasonImpactEvent[]): SeasonImpactEstimate {
  const seen = new Set<string>();
  const results: SeasonImpactEventResult[] = [];
  for (const event of events) {
    if (seen.has(event.eventId)) throw new RangeError(`event ${event.eventId} appears twice in the season`);
    seen.add(event.eventId);
    const resolved = normalizeImpactAssumptions(event.assumptions);
    const standalone = estimateResolvedTourismImpact(resolved);
    const seasonContribution = assembleImpactEstimate(
      impactContributions(resolved),
      {
        organiserSpend: resolved.organiserSpend,
        multipliers: resolved.multipliers,
        companionsBasis: standalone.companionsBasis,
      },
      (c) => 1 - (resolved.groups[c.host]?.repeatAttendanceShare ?? 0),
    );
    results.push({
      eventId: event.eventId,
      ...(event.label !== undefined ? { label: event.label } : {}),
      standalone,
      seasonContribution,
    });
  }

  const contributions = results.flatMap((r) => impactContributionsOf(r.seasonContribution));
  let grossOutput = 0;
  let income = 0;
  let organiserSpend = 0;
  let standaloneVisitors = 0;
  for (const r of results) {
    grossOutput += r.seasonContribution.grossOutput;
    income += r.seasonContribution.income;
    organiserSpend += r.seasonContribution.organiserSpend;
    standaloneVisitors += r.standalone.visitors;
  }
  const total = assembleImpactEstimate(contributions, {
    organiserSpend,
    multipliers: seasonMultipliers(results, grossOutput, income),
    companionsBasis: seasonCompanionsBasis(results),
    grossOutput,
    income,
  });
  return { ...total, events: results, repeatVisitorsRemoved: standaloneVisitors - total.visitors };
}

/** An estimate's per-group figures as contributions, so estimates can be summed with the same code. */
function impactContributionsOf(e: TourismImpactEstimate): ImpactContribution[] {
  return IMPACT_GROUP_KEYS.map((group) => ({
    group,
    host: group,
    visitors: e.visitorsByGroup[group],
    visitorNights: e.visitorNightsByGroup[group],
    spending: e.spendingByGroup[group],
  }));
}

function seasonMultipliers(
  results: readonly SeasonImpactEventResult[],
  grossOutput: number,
  income: number,
): { output: number; income: number } {
  const first = results[0];
  if (first === undefined) return { output: 0, income: 0 };
  const shared = first.standalone.multipliers;
  if (
    results.every(
      (r) => r.standalone.multipliers.output === shared.output && r.standalone.multipliers.income === shared.income,
    )
  ) {
    return { ...shared };
  }
  const direct = results.reduce((sum, r) => sum + r.seasonContribution.spending.total, 0);
  if (direct > 0) return { output: grossOutput / direct, income: income / direct };
  const n = results.length;
  return {
    output: results.reduce((sum, r) => sum + r.standalone.multipliers.output, 0) / n,
    income: results.reduce((sum, r) => sum + r.standalone.multipliers.income, 0) / n,
  };
}

function seasonCompanionsBasis(results: readonly SeasonImpactEventResult[]): ImpactCompanionsBasis {
  const bases = new Set(results.map((r) => r.standalone.companionsBasis));
  if (bases.size === 1) {
    const [only] = bases;
    if (only !== undefined) return only;
  }
  return bases.size === 0 ? 'derived' : 'mixed';
}

export interface RegistrationActuals {
  /** Confirmed participants (approved registrations / roster members); null or undefined: none yet. */
  confirmedParticipants?: number | null;
}

/**
 * Replace the assumed participant count with the confirmed registration / roster count where it exists.
 * The participants group's profile (local share, companions, nights, spend …) is kept; the count becomes
 * `persons` (a roster counts people, not admissions), sourced "registration actuals". Derived companions
 * follow automatically. Returns a new object; the input is not changed.
 * Throws a RangeError for a negative or non-integer count, or when there is no participants group to apply
 * it to (add its profile first: a count alone cannot be turned into spending).
 */
export function applyRegistrationActuals(
  assumptions: ImpactAssumptions,
  actuals: RegistrationActuals,
): ImpactAssumptions {
  const confirmed = actuals.confirmedParticipants;
  if (confirmed === undefined || confirmed === null) return assumptions;
  if (!Number.isInteger(confirmed) || confirmed < 0) {
    throw new RangeError(`confirmedParticipants must be a non-negative integer, got ${String(confirmed)}`);
  }
  const participants = assumptions.groups.participants;
  if (participants === undefined) {
    throw new RangeError('confirmed participants given but the assumptions have no participants group');
  }
  const { admissions: _assumed, ...rest } = participants;
  const persons: ImpactAssumptionValue = {
    value: confirmed,
    unit: 'persons',
    source: 'registration actuals',
    note: `${confirmed} confirmed participants replace the assumed count`,
  };
  return { ...assumptions, groups: { ...assumptions.groups, participants: { ...rest, persons } } };
}

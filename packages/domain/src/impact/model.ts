// The tourism-impact model (impact-model.md, after eventIMPACTS and Crompton 1995).
//
// For each visitor group g:
//   U_g = A_g / a_g                            unique persons (or a given person count)
//   P_g = U_g · (1 − ρ_g) · (1 − κ_g)          visiting persons: non-local, not casual / time-switching
//   C_g = P_g · π_g                            their accompanying persons (reported as `companions`)
//   E_g = P_g + C_g = U_g·(1−ρ)·(1−κ)·(1+π)    visitors; visits V = Σ E_g
//   per visitor:  accommodation = ω·σ·n·b      ω overnight share, σ paid-lodging share, n nights, b per bed-night
//                 category c    = s_c · [ω·(n+1) + (1−ω)]   overnight visitors spend n+1 days, day visitors 1
//   visitor-nights = Σ E_g · ω_g · n_g
//   direct D = Σ spending (+ organisers' net local spend, under `other`)
//   gross output = k_out · D,  income = k_inc · D — shown beside D, never added into spending.
//
// Companions take the spending profile of the person they accompany. If `groups.companions` is given
// explicitly it is a group of its own (its own count, local share, spend …) and every π is ignored, so
// companions are never counted twice. Nothing is rounded here: figures are full-precision yuan / persons.

import {
  IMPACT_GROUP_KEYS,
  normalizeImpactAssumptions,
  type ImpactAssumptions,
  type ImpactGroupKey,
  type ResolvedImpactAssumptions,
  type ResolvedImpactGroup,
} from './assumptions.js';

/** Direct spending by category (yuan); `total` is the sum of the five categories. */
export interface ImpactSpending {
  accommodation: number;
  catering: number;
  shopping: number;
  transport: number;
  other: number;
  total: number;
}

/** Where the companions figure comes from; `mixed` only occurs for a season. */
export type ImpactCompanionsBasis = 'derived' | 'explicit' | 'mixed';

export interface TourismImpactEstimate {
  /** Visits V = Σ E_g: non-local, non-casual persons and their companions. */
  visitors: number;
  visitorsByGroup: Record<ImpactGroupKey, number>;
  visitorNights: number;
  visitorNightsByGroup: Record<ImpactGroupKey, number>;
  /** Direct (first-round, additional) spending, including organisers' net local spend under `other`. */
  spending: ImpactSpending;
  /** Visitors' spending by group (organisers' spend is not a visitor group; see `organiserSpend`). */
  spendingByGroup: Record<ImpactGroupKey, ImpactSpending>;
  organiserSpend: number;
  companionsBasis: ImpactCompanionsBasis;
  multipliers: { output: number; income: number };
  /** k_out × direct: total output including direct, indirect and induced effects. Not spending. */
  grossOutput: number;
  /** k_inc × direct: local household income generated. Not spending. */
  income: number;
}

/**
 * One group's share of an estimate. `host` is the group whose assumptions produced it (for derived
 * companions: the group they accompany), so season aggregation can apply the host's overlap factor.
 */
export interface ImpactContribution {
  group: ImpactGroupKey;
  host: ImpactGroupKey;
  visitors: number;
  visitorNights: number;
  spending: ImpactSpending;
}

export function zeroImpactSpending(): ImpactSpending {
  return { accommodation: 0, catering: 0, shopping: 0, transport: 0, other: 0, total: 0 };
}

/** Spending object whose total is the sum of its categories. */
export function impactSpending(parts: Omit<ImpactSpending, 'total'>): ImpactSpending {
  return {
    ...parts,
    total: parts.accommodation + parts.catering + parts.shopping + parts.transport + parts.other,
  };
}

export function addImpactSpending(a: ImpactSpending, b: ImpactSpending): ImpactSpending {
  return impactSpending({
    accommodation: a.accommodation + b.accommodation,
    catering: a.catering + b.catering,
    shopping: a.shopping + b.shopping,
    transport: a.transport + b.transport,
    other: a.other + b.other,
  });
}

export function scaleImpactSpending(s: ImpactSpending, factor: number): ImpactSpending {
  return impactSpending({
    accommodation: s.accommodation * factor,
    catering: s.catering * factor,
    shopping: s.shopping * factor,
    transport: s.transport * factor,
    other: s.other * factor,
  });
}

function byGroup<T>(make: () => T): Record<ImpactGroupKey, T> {
  return { participants: make(), companions: make(), spectators: make(), officialsMedia: make() };
}

/** Visitors, nights and spending of `visitors` people who follow group `g`'s profile. */
function profileContribution(
  group: ImpactGroupKey,
  host: ImpactGroupKey,
  g: ResolvedImpactGroup,
  visitors: number,
): ImpactContribution {
  const overnight = g.overnightShare;
  const bedNightsPerVisitor = overnight * g.paidLodgingShare * g.nights;
  const daysPerVisitor = overnight * (g.nights + 1) + (1 - overnight);
  const s = g.dailySpend;
  return {
    group,
    host,
    visitors,
    visitorNights: visitors * overnight * g.nights,
    spending: impactSpending({
      accommodation: visitors * bedNightsPerVisitor * g.bedNightPrice,
      catering: visitors * daysPerVisitor * s.catering,
      shopping: visitors * daysPerVisitor * s.shopping,
      transport: visitors * daysPerVisitor * s.transport,
      other: visitors * daysPerVisitor * (s.other + s.entertainment),
    }),
  };
}

/** Per-group contributions of resolved assumptions (the model's core; no organiser spend, no multipliers). */
export function impactContributions(resolved: ResolvedImpactAssumptions): ImpactContribution[] {
  const explicitCompanions = resolved.groups.companions !== undefined;
  const out: ImpactContribution[] = [];
  for (const key of IMPACT_GROUP_KEYS) {
    const g = resolved.groups[key];
    if (g === undefined) continue;
    const persons = g.uniquePersons * (1 - g.localShare) * (1 - g.casualShare);
    out.push(profileContribution(key, key, g, persons));
    if (!explicitCompanions && key !== 'companions' && g.companionsPerPerson > 0) {
      out.push(profileContribution('companions', key, g, persons * g.companionsPerPerson));
    }
  }
  return out;
}

/** Sum contributions (each scaled by `weight(c)`) into an estimate; organiser spend goes to `other`. */
export function assembleImpactEstimate(
  contributions: readonly ImpactContribution[],
  extras: {
    organiserSpend: number;
    multipliers: { output: number; income: number };
    companionsBasis: ImpactCompanionsBasis;
    /** Gross output / income if not simply k × direct (a season with different multipliers per event). */
    grossOutput?: number;
    income?: number;
  },
  weight: (c: ImpactContribution) => number = () => 1,
): TourismImpactEstimate {
  const visitorsByGroup = byGroup(() => 0);
  const visitorNightsByGroup = byGroup(() => 0);
  const spendingByGroup = byGroup(zeroImpactSpending);
  for (const c of contributions) {
    const w = weight(c);
    visitorsByGroup[c.group] += c.visitors * w;
    visitorNightsByGroup[c.group] += c.visitorNights * w;
    spendingByGroup[c.group] = addImpactSpending(spendingByGroup[c.group], scaleImpactSpending(c.spending, w));
  }
  let visitorSpending = zeroImpactSpending();
  let visitors = 0;
  let visitorNights = 0;
  for (const key of IMPACT_GROUP_KEYS) {
    visitors += visitorsByGroup[key];
    visitorNights += visitorNightsByGroup[key];
    visitorSpending = addImpactSpending(visitorSpending, spendingByGroup[key]);
  }
  const spending = impactSpending({ ...visitorSpending, other: visitorSpending.other + extras.organiserSpend });
  return {
    visitors,
    visitorsByGroup,
    visitorNights,
    visitorNightsByGroup,
    spending,
    spendingByGroup,
    organiserSpend: extras.organiserSpend,
    companionsBasis: extras.companionsBasis,
    multipliers: { ...extras.multipliers },
    grossOutput: extras.grossOutput ?? extras.multipliers.output * spending.total,
    income: extras.income ?? extras.multipliers.income * spending.total,
  };
}

/** Estimate from already-resolved (bare-number) assumptions. */
export function estimateResolvedTourismImpact(resolved: ResolvedImpactAssumptions): TourismImpactEstimate {
  return assembleImpactEstimate(impactContributions(resolved), {
    organiserSpend: resolved.organiserSpend,
    multipliers: resolved.multipliers,
    companionsBasis: resolved.groups.companions !== undefined ? 'explicit' : 'derived',
  });
}

/**
 * The tourism-impact estimate of one event (or a what-if scenario). Pure and total on valid assumptions;
 * check client input with `validateImpactAssumptions` / `parseImpactAssumptions` first.
 * `repeatAttendanceShare` is ignored here (it only matters when events are summed into a season).
 */
export function estimateTourismImpact(assumptions: ImpactAssumptions): TourismImpactEstimate {
  return estimateResolvedTourismImpact(normalizeImpactAssumptions(assumptions));
}

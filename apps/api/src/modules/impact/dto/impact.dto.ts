import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPACT_GROUP_KEYS,
  type ImpactAssumptions,
  type ImpactCompanionsBasis,
  type ImpactFieldKind,
  type ImpactGroupKey,
  type ImpactSensitivity,
  type ImpactSensitivityMetric,
  type ImpactSpending,
  type TourismImpactEstimate,
} from '@sailcourt/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// ---------------------------------------------------------------------------------------------------------
// Shared text and enums

/** What every figure is, so no client can mistake multiplied output for spending (Crompton 1995). */
export const IMPACT_BASIS =
  'Estimate, not a count. Visitors are non-local persons who came because of the events (residents, casual visitors and ' +
  'time-switchers excluded) plus their companions. Spending is their direct, first-round spending in the area ' +
  '(accommodation, catering, shopping, local transport, other) plus organisers\u2019 net local spend, computed from the ' +
  'assumptions returned beside it. grossOutput and income apply the output and income multipliers to that direct ' +
  'spending: they are economic effects, NOT spending, and are never added to it. Figures are unrounded yuan and persons.';

export const ASSUMPTIONS_DESCRIPTION =
  'The ImpactAssumptions object (packages/domain/src/impact/assumptions.ts): {label?, description?, currency?: "CNY", ' +
  'groups: {participants?, companions?, spectators?, officialsMedia?}, multipliers: {output, income}, organiserSpend?}. ' +
  'Each group: admissions (with daysAttendedPerPerson) or persons, localShare, casualShare?, companionsPerPerson?, ' +
  'overnightShare, paidLodgingShare?, nights, bedNightPrice, dailySpend {catering, shopping, transport, other?, ' +
  'entertainment?}, repeatAttendanceShare?. Every value is a bare number or {value, unit?, source, note?} where source ' +
  'is a citation or "assumption". Shares are fractions 0\u20131, counts and prices \u2265 0, nights 0\u201360, days \u2265 1. ' +
  'Unknown fields are rejected.';

const ASSUMPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description: ASSUMPTIONS_DESCRIPTION,
} as const;

/** OpenAPI request body of `POST /impact/estimate` and `POST /impact/sensitivity`. */
export const ASSUMPTIONS_BODY = {
  schema: ASSUMPTIONS_SCHEMA,
  description: 'The assumptions of the scenario, exactly as `assumptions` in GET …/impact.',
};

export const SENSITIVITY_METRICS: readonly ImpactSensitivityMetric[] = [
  'direct',
  'visitors',
  'visitorNights',
  'grossOutput',
  'income',
];
const FIELD_KINDS: readonly ImpactFieldKind[] = ['share', 'count', 'price', 'nights', 'days', 'multiplier'];
const COMPANIONS_BASES: readonly ImpactCompanionsBasis[] = ['derived', 'explicit', 'mixed'];

// ---------------------------------------------------------------------------------------------------------
// Requests

export class PutImpactAssumptionsDto {
  @ApiProperty({
    minimum: 0,
    example: 1,
    description: 'The version you last read (GET …/impact `version`); 0 when none is stored yet. Stale → 409.',
  })
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  version: number;

  @ApiProperty(ASSUMPTIONS_SCHEMA)
  @IsObject()
  assumptions: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 1000, example: 'Ticketing figures for the Summer League came in.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ImpactSensitivityQueryDto {
  @ApiPropertyOptional({
    enum: SENSITIVITY_METRICS,
    default: 'direct',
    description: 'What the tornado measures; direct = total direct spending.',
  })
  @IsOptional()
  @IsIn(SENSITIVITY_METRICS)
  metric?: ImpactSensitivityMetric;

  @ApiPropertyOptional({
    minimum: 0.01,
    maximum: 1,
    default: 0.2,
    description: 'Relative move of each assumption, 0.2 = ±20 %.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1)
  step?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Responses

export class ImpactSpendingDto {
  @ApiProperty({ description: 'Paid bed-nights × price, yuan' }) accommodation: number;
  @ApiProperty({ description: 'Yuan' }) catering: number;
  @ApiProperty({ description: 'Yuan' }) shopping: number;
  @ApiProperty({ description: 'Local transport, yuan' }) transport: number;
  @ApiProperty({ description: 'Entertainment, anything else and organisers\u2019 net local spend, yuan' })
  other: number;
  @ApiProperty({ description: 'Total direct spending: the sum of the five categories, yuan' }) total: number;
}

export class ImpactGroupNumbersDto {
  @ApiProperty() participants: number;
  @ApiProperty({ description: 'Accompanying persons (derived from companionsPerPerson, or a group of their own)' })
  companions: number;
  @ApiProperty() spectators: number;
  @ApiProperty() officialsMedia: number;
}

export class ImpactGroupSpendingDto {
  @ApiProperty({ type: ImpactSpendingDto }) participants: ImpactSpendingDto;
  @ApiProperty({ type: ImpactSpendingDto }) companions: ImpactSpendingDto;
  @ApiProperty({ type: ImpactSpendingDto }) spectators: ImpactSpendingDto;
  @ApiProperty({ type: ImpactSpendingDto }) officialsMedia: ImpactSpendingDto;
}

export class ImpactMultipliersDto {
  @ApiProperty({ description: 'Yuan of total (direct + indirect + induced) output per yuan of direct spending' })
  output: number;
  @ApiProperty({ description: 'Yuan of local household income per yuan of direct spending' }) income: number;
}

/** The contract shape `{visitors, visitorNights, spending, assumptions}` and the model's other figures. */
export class ImpactEstimateDto {
  @ApiProperty({ description: 'Tourist visits: non-local, non-casual persons and their companions (estimate)' })
  visitors: number;
  @ApiProperty({ description: 'Nights spent by overnight visitors (estimate)' }) visitorNights: number;
  @ApiProperty({ type: ImpactSpendingDto, description: 'Direct first-round spending by category, yuan (estimate)' })
  spending: ImpactSpendingDto;
  @ApiProperty(ASSUMPTIONS_SCHEMA) assumptions: ImpactAssumptions;
  @ApiProperty({ enum: ['CNY'] }) currency: 'CNY';
  @ApiProperty({ type: ImpactGroupNumbersDto }) visitorsByGroup: ImpactGroupNumbersDto;
  @ApiProperty({ type: ImpactGroupNumbersDto }) visitorNightsByGroup: ImpactGroupNumbersDto;
  @ApiProperty({
    type: ImpactGroupSpendingDto,
    description: 'Visitors\u2019 spending by group (organisers\u2019 spend is not a group)',
  })
  spendingByGroup: ImpactGroupSpendingDto;
  @ApiProperty({ description: 'Organisers\u2019 net local spend, yuan; included in spending.other' })
  organiserSpend: number;
  @ApiProperty({
    enum: COMPANIONS_BASES,
    description: 'derived: from companionsPerPerson; explicit: a companions group of its own',
  })
  companionsBasis: ImpactCompanionsBasis;
  @ApiProperty({ type: ImpactMultipliersDto }) multipliers: ImpactMultipliersDto;
  @ApiProperty({ description: 'multipliers.output × spending.total, yuan. An economic effect, NOT spending.' })
  grossOutput: number;
  @ApiProperty({ description: 'multipliers.income × spending.total, yuan. An economic effect, NOT spending.' })
  income: number;
  @ApiProperty({ description: 'What these figures are and are not', example: IMPACT_BASIS }) basis: string;
}

export class ImpactEditorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** Who last changed a stored set; shared by the season and event answers. */
export class StoredImpactDto extends ImpactEstimateDto {
  @ApiProperty({ minimum: 1, description: 'Send it back with PUT …/impact/assumptions (optimistic concurrency)' })
  version: number;
  @ApiProperty({ example: '2023-07-01T09:00:00+08:00' }) updatedAt: string;
  @ApiProperty({ nullable: true, type: ImpactEditorDto, description: 'Null for the seeded set' })
  updatedBy: ImpactEditorDto | null;
}

export class EventsSumDto {
  @ApiProperty({ description: 'Events of the season with their own assumption sets that this sum covers' })
  events: number;
  @ApiProperty() visitors: number;
  @ApiProperty() visitorNights: number;
  @ApiProperty({ type: ImpactSpendingDto }) spending: ImpactSpendingDto;
  @ApiProperty({ description: 'Visits removed as already counted under another event (repeatAttendanceShare)' })
  repeatVisitorsRemoved: number;
}

export class SeasonImpactDto extends StoredImpactDto {
  @ApiProperty({ format: 'uuid' }) seasonId: string;
  @ApiProperty({
    description:
      'Events of this season with assumption sets of their own. The season figure comes from the season\u2019s set alone; ' +
      'event sets give per-event figures (GET /events/{id}/impact) and are not added in, which would count visitors twice.',
  })
  eventsWithOwnAssumptions: number;
  @ApiProperty({
    nullable: true,
    type: EventsSumDto,
    description:
      'Bottom-up cross-check: the sum of those events without double-counting repeat attendees; null when there are none.',
  })
  eventsSum: EventsSumDto | null;
}

export class EventImpactDto extends StoredImpactDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) seasonId: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'People on the rosters of confirmed registrations; null while there are none. When set it replaces the assumed participant count.',
  })
  confirmedParticipants: number | null;
  @ApiProperty({ description: 'Whether confirmedParticipants replaced the participants count in `assumptions`' })
  actualsApplied: boolean;
  @ApiProperty({
    ...ASSUMPTIONS_SCHEMA,
    description: 'The assumptions as stored (what PUT edits); `assumptions` is this with actuals applied.',
  })
  storedAssumptions: ImpactAssumptions;
}

const CHANGE_VALUE_SCHEMA = {
  nullable: true,
  oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'object', additionalProperties: true }],
};

export class ImpactFieldChangeDto {
  @ApiProperty({ example: 'groups.spectators.localShare' }) field: string;
  @ApiProperty({
    ...CHANGE_VALUE_SCHEMA,
    description: 'Bare number, {value, unit, source} or text; null when the field was absent',
  })
  before: unknown;
  @ApiProperty({
    ...CHANGE_VALUE_SCHEMA,
    description: 'Bare number, {value, unit, source} or text; null when the field was removed',
  })
  after: unknown;
}

export class ImpactAssumptionChangeDto {
  @ApiProperty({ description: 'The version this change produced' }) version: number;
  @ApiProperty({ example: '2023-07-01T09:00:00+08:00' }) changedAt: string;
  @ApiProperty({ nullable: true, type: ImpactEditorDto, description: 'Null for the seed' })
  changedBy: ImpactEditorDto | null;
  @ApiProperty({ type: [String], description: 'Dotted paths of the changed assumptions' }) fields: string[];
  @ApiProperty({ type: [ImpactFieldChangeDto], description: 'Empty for the seeded version' })
  changes: ImpactFieldChangeDto[];
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class ImpactAssumptionHistoryDto {
  @ApiProperty({ description: 'The current version' }) version: number;
  @ApiProperty({ type: [ImpactAssumptionChangeDto], description: 'Newest first' }) changes: ImpactAssumptionChangeDto[];
}

export class ImpactSensitivityEntryDto {
  @ApiProperty({
    example: 'groups.spectators.overnightShare',
    description: 'Path of the assumption, as in validation errors',
  })
  field: string;
  @ApiProperty({ nullable: true, enum: IMPACT_GROUP_KEYS, description: 'Null for organiserSpend and the multipliers' })
  group: ImpactGroupKey | null;
  @ApiProperty({ example: 'overnightShare' }) name: string;
  @ApiProperty({ enum: FIELD_KINDS }) kind: ImpactFieldKind;
  @ApiProperty() baseValue: number;
  @ApiProperty({ description: 'baseValue × (1 − step), clamped to the valid range' }) lowValue: number;
  @ApiProperty({ description: 'baseValue × (1 + step), clamped to the valid range' }) highValue: number;
  @ApiProperty({ description: 'The metric with the assumption at lowValue' }) atLow: number;
  @ApiProperty({ description: 'The metric with the assumption at highValue' }) atHigh: number;
  @ApiProperty({ description: '|atHigh − atLow|; entries are sorted by it, largest first' }) swing: number;
}

export class ImpactSensitivityDto {
  @ApiProperty({ enum: SENSITIVITY_METRICS }) metric: ImpactSensitivityMetric;
  @ApiProperty({ example: 0.2 }) step: number;
  @ApiProperty({ description: 'The metric under the assumptions as given' }) baseline: number;
  @ApiProperty({ type: [ImpactSensitivityEntryDto] }) entries: ImpactSensitivityEntryDto[];
}

// ---------------------------------------------------------------------------------------------------------
// Mappers

export const toImpactSpendingDto = (s: ImpactSpending): ImpactSpendingDto => ({
  accommodation: s.accommodation,
  catering: s.catering,
  shopping: s.shopping,
  transport: s.transport,
  other: s.other,
  total: s.total,
});

function byGroup<T>(source: Record<ImpactGroupKey, T>, map: (value: T) => T = (v) => v): Record<ImpactGroupKey, T> {
  return {
    participants: map(source.participants),
    companions: map(source.companions),
    spectators: map(source.spectators),
    officialsMedia: map(source.officialsMedia),
  };
}

export const toImpactEstimateDto = (assumptions: ImpactAssumptions, e: TourismImpactEstimate): ImpactEstimateDto => ({
  visitors: e.visitors,
  visitorNights: e.visitorNights,
  spending: toImpactSpendingDto(e.spending),
  assumptions,
  currency: 'CNY',
  visitorsByGroup: byGroup(e.visitorsByGroup),
  visitorNightsByGroup: byGroup(e.visitorNightsByGroup),
  spendingByGroup: byGroup(e.spendingByGroup, toImpactSpendingDto),
  organiserSpend: e.organiserSpend,
  companionsBasis: e.companionsBasis,
  multipliers: { output: e.multipliers.output, income: e.multipliers.income },
  grossOutput: e.grossOutput,
  income: e.income,
  basis: IMPACT_BASIS,
});

export const toImpactSensitivityDto = (s: ImpactSensitivity): ImpactSensitivityDto => ({
  metric: s.metric,
  step: s.step,
  baseline: s.baseline,
  entries: s.entries.map((e) => ({ ...e })),
});

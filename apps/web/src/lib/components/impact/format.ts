// How the impact pages name and write assumptions in the reader's language.
import type { ImpactGroupKey, ImpactSensitivity, TourismImpactEstimate } from '@sailcourt/domain';
import type { MessageKey } from '$lib/i18n';
import { number, t, yuan } from '$lib/i18n/page';
import type { LeverError } from './scenario.js';

/** What the pages draw: the estimate's figures, from the API (server) or `@sailcourt/domain` (live). */
export type ImpactFigures = Pick<
  TourismImpactEstimate,
  'visitors' | 'visitorNights' | 'spending' | 'visitorsByGroup' | 'grossOutput' | 'income' | 'multipliers'
>;
export type TornadoData = Pick<ImpactSensitivity, 'baseline' | 'entries'>;
/** One bar: its value and, in a scenario, the value under the stored assumptions. */
export type BarRow = { key: string; label: string; value: number; reference?: number };

const FIELD_LABELS = {
  admissions: 'impact.field.admissions',
  persons: 'impact.field.persons',
  daysAttendedPerPerson: 'impact.field.daysAttendedPerPerson',
  localShare: 'impact.field.localShare',
  casualShare: 'impact.field.casualShare',
  companionsPerPerson: 'impact.field.companionsPerPerson',
  overnightShare: 'impact.field.overnightShare',
  paidLodgingShare: 'impact.field.paidLodgingShare',
  nights: 'impact.field.nights',
  bedNightPrice: 'impact.field.bedNightPrice',
  repeatAttendanceShare: 'impact.field.repeatAttendanceShare',
  dailySpend: 'impact.field.dailySpend',
  'dailySpend.catering': 'impact.field.dailySpend.catering',
  'dailySpend.shopping': 'impact.field.dailySpend.shopping',
  'dailySpend.transport': 'impact.field.dailySpend.transport',
  'dailySpend.other': 'impact.field.dailySpend.other',
  'dailySpend.entertainment': 'impact.field.dailySpend.entertainment',
  organiserSpend: 'impact.field.organiserSpend',
  'multipliers.output': 'impact.field.multipliers.output',
  'multipliers.income': 'impact.field.multipliers.income',
} as const satisfies Record<string, MessageKey>;
type KnownField = keyof typeof FIELD_LABELS;

const isKnownField = (name: string): name is KnownField => Object.hasOwn(FIELD_LABELS, name);

export const GROUP_LABELS = {
  participants: 'impact.group.participants',
  companions: 'impact.group.companions',
  spectators: 'impact.group.spectators',
  officialsMedia: 'impact.group.officialsMedia',
} as const satisfies Record<ImpactGroupKey, MessageKey>;

/** A field's name within its group (or a top-level path), in the reader's language; unknown names as they are. */
export const fieldName = (name: string): string => (isKnownField(name) ? t(FIELD_LABELS[name]) : name);

const GROUP_PATH = /^groups\.(participants|companions|spectators|officialsMedia)\.(.+)$/;

/** `groups.spectators.nights` → “Spectators · Nights”; `multipliers.output` → “Output multiplier”. */
export function fieldLabel(path: string): string {
  const match = GROUP_PATH.exec(path);
  if (match?.[1] === undefined || match[2] === undefined) return fieldName(path);
  return t('impact.fieldOf', { group: t(GROUP_LABELS[match[1] as ImpactGroupKey]), field: fieldName(match[2]) });
}

const plain = (value: number, digits = 2) => number(value, { maximumFractionDigits: digits });

/** A value of the named field with its unit, e.g. 40 %, 2.5 nights, 400 yuan per bed-night, ×2.89. */
export function formatAssumption(name: string, value: number): string {
  if (name.endsWith('Share')) return number(value, { style: 'percent', maximumFractionDigits: 1 });
  if (name.startsWith('dailySpend')) return t('impact.unit.perDay', { value: plain(value) });
  if (name.startsWith('multipliers.')) return t('impact.unit.multiplier', { value: plain(value) });
  switch (name) {
    case 'admissions':
      return t('impact.unit.admissions', { count: plain(value, 0) });
    case 'persons':
      return t('impact.unit.persons', { count: plain(value, 0) });
    case 'companionsPerPerson':
      return t('impact.unit.perPerson', { value: plain(value) });
    case 'nights':
      return t('impact.unit.nights', { count: plain(value) });
    case 'daysAttendedPerPerson':
      return t('impact.unit.days', { count: plain(value) });
    case 'bedNightPrice':
      return t('impact.unit.perNight', { value: plain(value) });
    case 'organiserSpend':
      return yuan(value);
    default:
      return plain(value);
  }
}

/** Persons are estimates of whole people: shown rounded, never with decimals. */
export const people = (value: number): string => number(Math.round(value));

/** Signed percentage change, e.g. “+4.2 %”. */
export const percentChange = (value: number, base: number): string =>
  base === 0
    ? '—'
    : number(value / base - 1, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** A rejected value, worded in the reader's language (the API's own words only when no rule fits). */
export function leverErrorText(e: LeverError): string {
  switch (e.kind) {
    case 'share':
      return t('impact.error.share', { value: e.value });
    case 'nights':
      return t('impact.error.nights', { value: e.value });
    case 'nonNegative':
      return t('impact.error.nonNegative', { value: e.value });
    case 'number':
      return t('impact.error.number', { value: e.value });
    case 'source':
      return t('impact.error.source');
    case 'other':
      return t('impact.error.other', { message: e.message });
  }
}

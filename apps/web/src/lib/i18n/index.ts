import { messages, type MessageKey } from './messages/index.js';
import type { Placeholders, PluralText, Templates, Text } from './types.js';

export type { MessageKey } from './messages/index.js';
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

type Entry<K extends MessageKey> = (typeof messages)[K];
/** The parameters a message needs: the placeholders of both languages' texts. */
export type MessageParams<K extends MessageKey> = {
  [P in Placeholders<Templates<Entry<K>['zh-CN']> | Templates<Entry<K>['en']>>]: string | number;
};
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;
/**
 * Messages without placeholders take no parameters; the others need every one of theirs. A key chosen at run
 * time among several (a status, a code) takes loose parameters.
 */
export type ParamArgs<K extends MessageKey> =
  IsUnion<K> extends true
    ? [params?: Record<string, string | number>]
    : [keyof MessageParams<K>] extends [never]
      ? [params?: Record<string, never>]
      : [params: MessageParams<K>];

const pluralRules = new Map<Locale, Intl.PluralRules>();
const rulesFor = (locale: Locale) =>
  pluralRules.get(locale) ?? pluralRules.set(locale, new Intl.PluralRules(locale)).get(locale)!;

/** The `count` parameter as a number, also when it was passed already formatted ("1,234"). */
const countOf = (value: string | number | undefined): number =>
  typeof value === 'number' ? value : Number(String(value ?? '').replace(/[^\d.-]/g, ''));

/** Picks the plural form for `count` by the language's rules (English: one/other; Chinese: other). */
export function pluralForm(locale: Locale, text: PluralText, count: number): string {
  const category = rulesFor(locale).select(count) as keyof PluralText;
  return text[category] ?? text.other;
}

/**
 * Fills `{name}` placeholders. `{name|unit.key}` is a counted placeholder: the value counted by the plural message
 * `unit.key` ("{created|unit.games}" → "1 game"), for a text with several numbers that each need their own plural.
 */
function fill(locale: Locale, template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)(?:\|([\w.]+))?\}/g, (whole, name: string, unit: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    return unit && unit in messages ? translateDynamic(locale, unit as MessageKey, { count: value }) : String(value);
  });
}

export function translate<K extends MessageKey>(locale: Locale, key: K, ...[params]: ParamArgs<K>): string {
  return translateDynamic(locale, key, params ?? {});
}

/** For keys chosen at run time (from data): untyped parameters, still filled and pluralized. */
export function translateDynamic(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const text: Text = messages[key][locale];
  return fill(locale, typeof text === 'string' ? text : pluralForm(locale, text, countOf(params['count'])), params);
}

/** Published records hold the Chinese name in `name` and the English one, when known, in `nameEn`. */
export function pickName(locale: Locale, zh: string, english: string | null | undefined): string {
  return locale === 'en' && english ? english : zh;
}

export function formatDate(
  locale: Locale,
  isoDate: string,
  options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' },
): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', ...options }).format(
    new Date(isoDate.length === 10 ? `${isoDate}T12:00:00+08:00` : isoDate),
  );
}

/** A date and a time, always with a space between them ("Aug 14 20:00", "7月13日 17:00"). */
export function formatDateTime(locale: Locale, iso: string, withSeconds = false): string {
  const day = formatDate(locale, iso);
  const time = formatDate(locale, iso, {
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
  return `${day} ${time}`;
}

export function formatDateRange(locale: Locale, start: string, end: string): string {
  const withYear: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
  if (start === end) return formatDate(locale, start, withYear);
  return `${formatDate(locale, start)} – ${formatDate(locale, end, withYear)}`;
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** Money in the reader's own units: 2亿元 in Chinese, 200M yuan in English. */
export function formatYuan(locale: Locale, value: number): string {
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  return translate(locale, 'unit.yuan', { value: compact });
}

import { page } from '$app/state';
import {
  DEFAULT_LOCALE,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatNumber,
  formatYuan,
  type Locale,
  type MessageKey,
  type ParamArgs,
  pickName,
  translate,
  translateDynamic,
} from './index.js';

/** Helpers bound to the current page's locale, for use in components' markup (reactive through `page`). */
const locale = (): Locale => page.data.locale ?? DEFAULT_LOCALE;

export const t = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => translate(locale(), key, ...params);
/** For a key built at run time from data (a status, a code): parameters are not type-checked. */
export const td = (key: MessageKey, params?: Record<string, string | number>) =>
  translateDynamic(locale(), key, params);
export const name = (zh: string, english: string | null | undefined) => pickName(locale(), zh, english);
export const date = (iso: string, options?: Intl.DateTimeFormatOptions) => formatDate(locale(), iso, options);
export const dateTime = (iso: string, withSeconds?: boolean) => formatDateTime(locale(), iso, withSeconds);
export const dateRange = (start: string, end: string) => formatDateRange(locale(), start, end);
export const number = (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale(), value, options);
export const yuan = (value: number) => formatYuan(locale(), value);
export const currentLocale = locale;

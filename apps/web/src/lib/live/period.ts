import { periodLabel } from '@sailcourt/domain';
import { t } from '$lib/i18n/page';

/** "第3节" / "Q3", "加时1" / "OT1" (FIBA Art. 8: periods 5+ are overtime). */
export function periodName(period: number): string {
  const label = periodLabel(period);
  if (!label) return '';
  return t(label.kind === 'quarter' ? 'live.period.quarter' : 'live.period.overtime', { number: label.number });
}

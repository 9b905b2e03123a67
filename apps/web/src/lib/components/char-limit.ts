/** How close a text is to its length limit: counters warn from 90 % on, and say when it is over. */
export type LimitState = 'ok' | 'near' | 'over';

export function limitState(length: number, max: number): LimitState {
  if (length > max) return 'over';
  return length >= Math.ceil((max * 9) / 10) ? 'near' : 'ok';
}

/** Characters as a reader counts them (an emoji or a rare CJK character is one, not two UTF-16 units). */
export const textLength = (text: string): number => [...text].length;

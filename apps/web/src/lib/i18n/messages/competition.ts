import type { MessageTable } from '../types.js';

export const competitionMessages = {} as const satisfies MessageTable;

import type { MessageTable } from '../types.js';

export const rallyMessages = {} as const satisfies MessageTable;

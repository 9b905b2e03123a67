import type { MessageTable } from '../types.js';

export const impactMessages = {} as const satisfies MessageTable;

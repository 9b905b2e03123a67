import type { MessageTable } from '../types.js';

export const registrationMessages = {} as const satisfies MessageTable;

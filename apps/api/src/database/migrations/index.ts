import { InitialSchema1700000000000 } from './1700000000000-initial-schema.js';

/** In the order they apply. */
export const MIGRATIONS = [InitialSchema1700000000000];

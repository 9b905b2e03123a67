// @sailcourt/domain — every rule that decides a ranking, a schedule or a figure. No framework imports.
export * from './basketball/index.js';
export * from './sailing/index.js';
export * from './impact/index.js';
export * from './tracking/index.js';
export * from './china-time.js';

// Tourism-impact estimate: visitors, nights and spending of a season's events (impact-model.md).
export * from './assumptions.js';
export * from './model.js';
export * from './season.js';
export * from './sensitivity.js';
export * from './validation.js';

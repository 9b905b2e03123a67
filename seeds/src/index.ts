export * from './data.js';
export * from './seed.js';

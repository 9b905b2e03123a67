export * from './data.js';
export * from './seed.js';
export { seededRandom } from './competition.js';

export * from './data.js';
export * from './seed.js';
export { seededRandom } from './competition.js';
export { ILLUSTRATIVE_FIX_INTERVAL_MS, illustrativeTracks, type IllustrativeFix } from './tracks.js';

/** Public entry of the Retell API simulator (local stack and tests only). */
export * from './retell-simulator.js';
export { pickOutcome } from './scripted-outcomes.js';

/** Public entry of the EventBridge Scheduler emulator (local stack and tests only). */
export * from './scheduler-emulator.js';

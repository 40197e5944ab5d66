// Fixture: a "handler" that wrongly imports the local stack; the bundle check must flag it.
import { emulatorName } from './src/local/emulator.js';

export const handler = async (): Promise<string> => emulatorName;

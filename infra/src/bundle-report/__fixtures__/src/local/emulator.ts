// Fixture: stands for a local-stack module (an emulator) that must never be bundled into a Lambda.
export const emulatorName = 'fixture-emulator';

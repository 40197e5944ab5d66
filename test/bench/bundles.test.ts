import { describe, expect, it } from 'vitest';
import { againstFloor } from './bundles.js';

describe('againstFloor', () => {
  it('adds the floor figures, the bytes above the floor and the cold-import ratio', () => {
    const figures = againstFloor(
      { name: 'create-call', minifiedBytes: 900_000, coldImportMs: 161.3, emptyHandlerColdImportMs: 40 },
      { minifiedBytes: 548_000, coldImportMs: 115.2 },
    );
    expect(figures).toEqual({
      name: 'create-call',
      minifiedBytes: 900_000,
      coldImportMs: 161.3,
      emptyHandlerColdImportMs: 40,
      floorMinifiedBytes: 548_000,
      floorColdImportMs: 115.2,
      overFloorBytes: 352_000,
      coldImportRatio: 1.4,
    });
  });
});

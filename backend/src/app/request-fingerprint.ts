import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * Fingerprint of a validated (normalised) request body: hex SHA-256 of its RFC 8785 canonical JSON (keys sorted,
 * numbers and strings in one spelling; https://www.rfc-editor.org/rfc/rfc8785, package `canonicalize`). Two bodies
 * that parse to the same value — keys in another order, the phone number in another format — have the same
 * fingerprint; any other difference changes it.
 */
export function requestFingerprint(normalised: unknown): string {
  return createHash('sha256').update(canonicalize(normalised) ?? 'undefined').digest('hex');
}

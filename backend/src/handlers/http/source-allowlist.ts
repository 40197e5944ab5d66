import { BlockList, isIPv4 } from 'node:net';

/**
 * The provider's published webhook source addresses, as a check that runs BEFORE the signature is read: a request
 * from any other address costs no HMAC and no table read. Configured per stage (`webhookSourceCidrs` in the CDK
 * config → `WEBHOOK_SOURCE_CIDRS`, comma-separated IPv4 CIDRs); unset or empty = every source may try its signature.
 * Retell documents its webhook address at https://docs.retellai.com/features/webhook. The signature stays the
 * proof of origin; this is a second, cheaper layer.
 */
export const WEBHOOK_SOURCE_CIDRS_ENV = 'WEBHOOK_SOURCE_CIDRS';

/**
 * A predicate over the caller's IP (API Gateway's `requestContext.http.sourceIp`) for the given CIDR list.
 * @param cidrs comma-separated IPv4 CIDRs such as `100.20.5.228/32`; empty → every source allowed
 * @throws Error on a malformed CIDR (a configuration error: the function fails at its first request, loudly)
 */
export function sourceAllowlist(cidrs: string | undefined): (sourceIp: string | undefined) => boolean {
  const entries = (cidrs ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length) return () => true;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const bits = Number(prefix);
    if (!address || !isIPv4(address) || !Number.isInteger(bits) || bits < 0 || bits > 32) {
      throw new Error(`${WEBHOOK_SOURCE_CIDRS_ENV}: "${entry}" is not an IPv4 CIDR such as 100.20.5.228/32`);
    }
    list.addSubnet(address, bits, 'ipv4');
  }
  return (sourceIp) => !!sourceIp && isIPv4(sourceIp) && list.check(sourceIp, 'ipv4');
}

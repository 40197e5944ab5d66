import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Clinic } from '@vfc/shared';
import type { CallRequestFacts, CallRequestReads } from '../../ports/call-request-reads.js';
import type { CallStore } from '../../ports/call-store.js';
import { complianceKeys } from './compliance-keys.js';
import { keys, withoutKeys } from './keys.js';

/** Rounds of re-sending keys DynamoDB left unprocessed (throttling) before giving up. */
const MAX_UNPROCESSED_ROUNDS = 5;

type ItemKey = { pk: string; sk: string };

/**
 * {@link CallRequestReads} on the single table: one strongly consistent `BatchGetItem` for the clinic
 * (`CLINIC#<id>` / `SETTINGS`), the opt-out (`CLINIC#<id>` / `OPTOUT#<e164>`) and the idempotency key
 * (`IDEMPOTENCY#<id>#<key>` / `IDEMPOTENCY`); a key that was seen is followed by the read of its call.
 */
export class DynamoDbCallRequestReads implements CallRequestReads {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly calls: Pick<CallStore, 'get'>,
  ) {}

  async read(clinicId: string, phoneNumber: string, idempotencyKey?: string): Promise<CallRequestFacts> {
    const clinicKey = keys.clinic(clinicId);
    const optOutKey = complianceKeys.optOut(clinicId, phoneNumber);
    const idempotencyItemKey = idempotencyKey === undefined ? undefined : keys.idempotency(clinicId, idempotencyKey);
    const items = await this.batchGet([clinicKey, optOutKey, ...(idempotencyItemKey ? [idempotencyItemKey] : [])]);
    const itemAt = (key: ItemKey) => items.find((item) => item.pk === key.pk && item.sk === key.sk);

    const clinicItem = itemAt(clinicKey);
    const keyItem = idempotencyItemKey && itemAt(idempotencyItemKey);
    const call = keyItem ? await this.calls.get(String(keyItem.callId)) : undefined;
    return {
      ...(clinicItem ? { clinic: Clinic.parse(withoutKeys(clinicItem)) } : {}),
      optedOut: itemAt(optOutKey) !== undefined,
      ...(keyItem && call ? { earlier: typeof keyItem.requestHash === 'string' ? { call, requestHash: keyItem.requestHash } : { call } } : {}),
    };
  }

  /** The items found for `wanted` (absent ones are left out), re-sending unprocessed keys a few rounds. */
  private async batchGet(wanted: ItemKey[]): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] = wanted;
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_UNPROCESSED_ROUNDS) throw new Error(`DynamoDB left ${pending.length} reads unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** round));
      const out = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[this.tableName] ?? []));
      pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    }
    return found;
  }
}

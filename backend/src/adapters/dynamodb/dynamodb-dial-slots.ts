import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { DialSlots, SlotLease, SlotsSnapshot, WaitingDial } from '../../ports/dial-slots.js';
import { keys } from './keys.js';

/** Where the slots live and how many there are. */
export interface DynamoDbDialSlotsConfig {
  /** One limit per scope; `account` = the Retell workspace every clinic dials through. */
  scope: string;
  /** Concurrent calls allowed (Retell pay-as-you-go default: 20). */
  limit: number;
}

/** How many times a lost race (transaction conflict, another taker) is retried before giving up for now. */
const MAX_ROUNDS = 40;

/**
 * {@link DialSlots} on the single table. A counter item (`inUse`) guards the limit with a conditional update;
 * each holder has a lease item; taking a slot is ONE transaction: counter < limit → +1, put the lease (absent), delete
 * the waiting entry (present). Releasing is one transaction too: delete the lease (present), counter −1. So the counter
 * always equals the number of leases, and no two takers can get the same waiting dial or the last slot.
 * Expired leases are not reclaimed on the hot path (that would read every lease on each full check): the reconciler
 * calls {@link DynamoDbDialSlots.reclaimExpired}.
 */
export class DynamoDbDialSlots implements DialSlots {
  readonly limit: number;
  private readonly slotsPk: string;
  private readonly queuePk: string;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    config: DynamoDbDialSlotsConfig,
  ) {
    this.limit = config.limit;
    this.slotsPk = keys.dialSlots(config.scope);
    this.queuePk = keys.dialQueue(config.scope);
  }

  async enqueue(dial: WaitingDial): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: this.queuePk, sk: keys.dialQueueEntry(dial.dueAt, dial.callId, dial.attempt), ...dial },
      }),
    );
  }

  async isWaiting(dial: WaitingDial): Promise<boolean> {
    const out = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: this.queuePk, sk: keys.dialQueueEntry(dial.dueAt, dial.callId, dial.attempt) },
        ConsistentRead: true,
      }),
    );
    return out.Item !== undefined;
  }

  async takeNext(nowMs: number, leaseMs: number): Promise<WaitingDial | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const counter = await this.counter();
      if (counter.inUse >= this.limit || counter.pausedUntilMs > nowMs) return undefined;
      const waiting = await this.queryQueue(this.limit - counter.inUse);
      if (waiting.length === 0) return undefined;
      let full = false;
      for (const dial of waiting) {
        const outcome = await this.tryTake(dial, nowMs, leaseMs);
        if (outcome === 'taken') return dial;
        if (outcome === 'full') {
          full = true;
          break;
        }
        if (outcome === 'conflict') await sleep(2 + Math.random() * 10);
        // 'gone' (another taker won it) or 'conflict': next candidate
      }
      if (full) continue; // re-read the counter: full, paused, or a slot freed meanwhile
    }
    return undefined;
  }

  async pause(untilMs: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: this.slotsPk, sk: keys.dialSlotCounter },
          UpdateExpression: 'SET pausedUntilMs = :u',
          ConditionExpression: 'attribute_not_exists(pausedUntilMs) OR pausedUntilMs < :u',
          ExpressionAttributeValues: { ':u': untilMs },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return; // already paused longer
      throw error;
    }
  }

  async release(callId: string, attempt: number): Promise<boolean> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: this.tableName,
                  Key: { pk: this.slotsPk, sk: keys.dialSlotLease(callId, attempt) },
                  ConditionExpression: 'attribute_exists(sk)',
                },
              },
              this.counterChange(-1),
            ],
          }),
        );
        return true;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes?.[0] === 'ConditionalCheckFailed') return false;
        if (codes?.includes('TransactionConflict')) {
          await sleep(2 + Math.random() * 10);
          continue;
        }
        throw error;
      }
    }
    throw new Error('Could not release a dial slot: too many conflicting transactions');
  }

  async setExpiry(callId: string, attempt: number, expiresAtMs: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: this.slotsPk, sk: keys.dialSlotLease(callId, attempt) },
          UpdateExpression: 'SET expiresAtMs = :e',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeValues: { ':e': expiresAtMs },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return;
      throw error;
    }
  }

  async reclaimExpired(nowMs: number): Promise<SlotLease[]> {
    const reclaimed: SlotLease[] = [];
    for (const lease of await this.leases()) {
      if (lease.expiresAtMs > nowMs) continue;
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: this.tableName,
                  Key: { pk: this.slotsPk, sk: keys.dialSlotLease(lease.callId, lease.attempt) },
                  // Only the expiry we saw: a lease extended meanwhile is kept.
                  ConditionExpression: 'expiresAtMs = :seen',
                  ExpressionAttributeValues: { ':seen': lease.expiresAtMs },
                },
              },
              this.counterChange(-1),
            ],
          }),
        );
        reclaimed.push(lease);
      } catch (error) {
        if (cancellationCodes(error)) continue; // released or extended by someone else meanwhile
        throw error;
      }
    }
    return reclaimed;
  }

  async snapshot(): Promise<SlotsSnapshot> {
    const [counter, leases, waiting] = await Promise.all([this.counter(), this.leases(), this.queryQueue()]);
    return { limit: this.limit, inUse: counter.inUse, pausedUntilMs: counter.pausedUntilMs, leases, waiting };
  }

  private async tryTake(dial: WaitingDial, nowMs: number, leaseMs: number): Promise<'taken' | 'full' | 'gone' | 'conflict'> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: this.slotsPk, sk: keys.dialSlotCounter },
                UpdateExpression: 'ADD inUse :one',
                ConditionExpression:
                  '(attribute_not_exists(inUse) OR inUse < :limit) AND (attribute_not_exists(pausedUntilMs) OR pausedUntilMs <= :now)',
                ExpressionAttributeValues: { ':one': 1, ':limit': this.limit, ':now': nowMs },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk: this.slotsPk,
                  sk: keys.dialSlotLease(dial.callId, dial.attempt),
                  callId: dial.callId,
                  attempt: dial.attempt,
                  takenAtMs: nowMs,
                  expiresAtMs: nowMs + leaseMs,
                },
                ConditionExpression: 'attribute_not_exists(sk)',
              },
            },
            {
              Delete: {
                TableName: this.tableName,
                Key: { pk: this.queuePk, sk: keys.dialQueueEntry(dial.dueAt, dial.callId, dial.attempt) },
                ConditionExpression: 'attribute_exists(sk)',
              },
            },
          ],
        }),
      );
      return 'taken';
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      if (codes[0] === 'ConditionalCheckFailed') return 'full';
      if (codes[1] === 'ConditionalCheckFailed') {
        // This attempt already holds a slot (a second line entry for it): drop the entry, it must not take two.
        await this.db.send(
          new DeleteCommand({ TableName: this.tableName, Key: { pk: this.queuePk, sk: keys.dialQueueEntry(dial.dueAt, dial.callId, dial.attempt) } }),
        );
        return 'gone';
      }
      if (codes[2] === 'ConditionalCheckFailed') return 'gone';
      return 'conflict';
    }
  }

  private counterChange(delta: 1 | -1) {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: this.slotsPk, sk: keys.dialSlotCounter },
        UpdateExpression: 'ADD inUse :delta',
        ...(delta < 0 ? { ConditionExpression: 'inUse > :zero', ExpressionAttributeValues: { ':delta': delta, ':zero': 0 } } : { ExpressionAttributeValues: { ':delta': delta } }),
      },
    };
  }

  private async counter(): Promise<{ inUse: number; pausedUntilMs: number }> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: this.slotsPk, sk: keys.dialSlotCounter }, ConsistentRead: true }),
    );
    return { inUse: Number(out.Item?.inUse ?? 0), pausedUntilMs: Number(out.Item?.pausedUntilMs ?? 0) };
  }

  private async leases(): Promise<SlotLease[]> {
    const leases: SlotLease[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': this.slotsPk, ':prefix': keys.dialSlotLeasePrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        leases.push({
          callId: String(item.callId),
          attempt: Number(item.attempt),
          takenAtMs: Number(item.takenAtMs),
          expiresAtMs: Number(item.expiresAtMs),
        });
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return leases;
  }

  /** The line, earliest first; `limit` entries or all of it. */
  private async queryQueue(limit?: number): Promise<WaitingDial[]> {
    const dials: WaitingDial[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': this.queuePk },
          ConsistentRead: true,
          ...(limit ? { Limit: limit - dials.length } : {}),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) dials.push({ callId: String(item.callId), attempt: Number(item.attempt), dueAt: String(item.dueAt) });
      startKey = limit && dials.length >= limit ? undefined : out.LastEvaluatedKey;
    } while (startKey);
    return dials;
  }
}

/** The per-item cancellation codes of a cancelled transaction, or undefined for any other error. */
function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  if (error instanceof TransactionCanceledException || (error as Error | undefined)?.name === 'TransactionCanceledException') {
    return ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code);
  }
  if ((error as Error | undefined)?.name === 'TransactionConflictException') return ['TransactionConflict'];
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

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
/** Most dials taken in one transaction (DynamoDB allows 100 items; each dial is 2 plus the counter). */
const MAX_BATCH = 25;

/**
 * {@link DialSlots} on the single table. A counter item (`inUse`) guards the limit with a conditional update;
 * each holder has a lease item; taking a slot is ONE transaction: counter unchanged since read (< limit) → +1, put
 * the lease (absent), delete the waiting entry (present). Releasing is one transaction too: delete the lease (present), counter −1. So the counter
 * always equals the number of leases, and no two takers can get the same waiting dial or the last slot. A batch of k
 * dials is taken in one transaction too (counter set from the value read to +k), so a drained slot cluster refills at once.
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

  async take(nowMs: number, leaseMs: number, max = 1): Promise<WaitingDial[]> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const counter = await this.counter();
      const free = this.limit - counter.inUse;
      if (free <= 0 || counter.pausedUntilMs > nowMs) return [];
      const waiting = await this.queryQueue(Math.min(free, max, MAX_BATCH));
      if (waiting.length === 0) return [];
      const outcome = await this.tryTake(waiting, counter.inUse, nowMs, leaseMs);
      if (outcome === 'taken') return waiting;
      if (outcome === 'conflict') await sleep(2 + Math.random() * 10);
      // 'changed' (the counter moved, or another taker won an entry): look again
    }
    return [];
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
        await this.deleteLease(callId, attempt, { ConditionExpression: 'attribute_exists(sk)' });
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
        // Only the expiry we saw: a lease extended meanwhile is kept.
        await this.deleteLease(lease.callId, lease.attempt, {
          ConditionExpression: 'expiresAtMs = :seen',
          ExpressionAttributeValues: { ':seen': lease.expiresAtMs },
        });
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

  /**
   * One transaction for the whole batch: counter +k on the value just read (so a concurrent taker makes it fail
   * rather than overshoot), k leases (absent), k line entries (present).
   */
  private async tryTake(dials: WaitingDial[], inUse: number, nowMs: number, leaseMs: number): Promise<'taken' | 'changed' | 'conflict'> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: this.slotsPk, sk: keys.dialSlotCounter },
                UpdateExpression: 'SET inUse = :next',
                ConditionExpression:
                  '(attribute_not_exists(inUse) OR inUse = :seen) AND (attribute_not_exists(pausedUntilMs) OR pausedUntilMs <= :now)',
                ExpressionAttributeValues: { ':next': inUse + dials.length, ':seen': inUse, ':now': nowMs },
              },
            },
            ...dials.map((dial) => ({
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
            })),
            ...dials.map((dial) => ({
              Delete: {
                TableName: this.tableName,
                Key: { pk: this.queuePk, sk: keys.dialQueueEntry(dial.dueAt, dial.callId, dial.attempt) },
                ConditionExpression: 'attribute_exists(sk)',
              },
            })),
          ],
        }),
      );
      return 'taken';
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      if (codes.includes('TransactionConflict')) return 'conflict';
      // An attempt that already holds a slot (a second line entry for it) must not take two: drop that entry.
      for (const [i, dial] of dials.entries()) {
        if (codes[1 + i] === 'ConditionalCheckFailed') {
          await this.db.send(
            new DeleteCommand({ TableName: this.tableName, Key: { pk: this.queuePk, sk: keys.dialQueueEntry(dial.dueAt, dial.callId, dial.attempt) } }),
          );
        }
      }
      return 'changed';
    }
  }

  /** One transaction: the lease goes (if `condition` holds) and the counter gives its slot back. */
  private async deleteLease(
    callId: string,
    attempt: number,
    condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.tableName, Key: { pk: this.slotsPk, sk: keys.dialSlotLease(callId, attempt) }, ...condition } },
          this.counterChange(-1),
        ],
      }),
    );
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

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
import { randomUUID } from 'node:crypto';
import { pickRoundRobin, rotationOrder, type ClinicLine, type RoundRobinPick } from '../../app/concurrency/round-robin.js';
import type { DialSlots, SlotLease, SlotsSnapshot, WaitingDial } from '../../ports/dial-slots.js';
import { keys } from './keys.js';

/** Where the slots live and how many there are. */
export interface DynamoDbDialSlotsConfig {
  /** One limit per scope: the provider account whose concurrency every clinic in the scope shares. */
  scope: string;
  /** Concurrent calls allowed (Retell pay-as-you-go default: 20). */
  limit: number;
}

/** How many times a lost race (transaction conflict, another taker) is retried before giving up for now. */
const MAX_ROUNDS = 40;
/**
 * Most dials taken in one transaction. DynamoDB allows 100 items per transaction; a batch writes the counter, then per
 * dial its lease and its line entry, then per clinic served its rotation entry: 1 + 25 + 25 + 25 = 76.
 */
const MAX_BATCH = 25;

/**
 * {@link DialSlots} on the single table.
 *
 * Slots: a counter item (`inUse`) guards the limit with a conditional update; each holder has a lease item; taking
 * slots is ONE transaction: counter unchanged since read (< limit, not paused) → +k, k leases put (absent), k line
 * entries deleted (present), and the served clinics' rotation entries moved to the back of the rotation. Releasing is
 * one transaction too: delete the lease (present), counter −1. So the counter always equals the number of leases, and
 * no two takers can get the same waiting dial or the last slot. Expired leases are not reclaimed on the hot path (that
 * would read every lease on each full check): the reconciler calls {@link DynamoDbDialSlots.reclaimExpired}.
 *
 * The line: each clinic's waiting dials live in the clinic's own partition (so a firing writes its clinic's key, never
 * one key shared by every clinic), earliest due first. The rotation lists the clinics with dials waiting, each with the
 * sequence number of its last service (`servedSeq`, from a counter on the slot counter item, advanced in the same take
 * transaction); a take serves them round-robin ({@link pickRoundRobin}). Joining is one write plus one read of the
 * clinic's rotation entry (written only when the clinic is not in the rotation). A clinic leaves the rotation when a
 * taker finds its line empty, by a check-then-delete that cannot lose a concurrent joiner: the taker marks the entry
 * `closing` with a token, looks at the line again, and deletes the entry only if the line is still empty AND the token
 * is unchanged; a joiner that finds the entry absent or closing rewrites it (clearing the token).
 */
export class DynamoDbDialSlots implements DialSlots {
  readonly limit: number;
  private readonly scope: string;
  private readonly slotsPk: string;
  private readonly rotationPk: string;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    config: DynamoDbDialSlotsConfig,
  ) {
    this.limit = config.limit;
    this.scope = config.scope;
    this.slotsPk = keys.dialSlots(config.scope);
    this.rotationPk = keys.dialRotation(config.scope);
  }

  async enqueue(dial: WaitingDial): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...this.entryKey(dial), ...dial } }));
    // Then (never before: see the class comment) make sure the clinic is in the rotation.
    await retryOnConflict(async () => {
      const entry = await this.rotationEntry(dial.clinicId);
      if (entry && entry.closing === undefined) return;
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: this.rotationPk, sk: keys.dialRotationEntry(dial.clinicId) },
          UpdateExpression: 'SET clinicId = :c REMOVE closing',
          ExpressionAttributeValues: { ':c': dial.clinicId },
        }),
      );
    });
  }

  async isWaiting(dial: WaitingDial): Promise<boolean> {
    const [entry, rotation] = await Promise.all([
      this.db.send(new GetCommand({ TableName: this.tableName, Key: this.entryKey(dial), ConsistentRead: true })),
      this.rotationEntry(dial.clinicId),
    ]);
    // An entry whose clinic is not in the rotation (a joiner crashed between its two writes) would never be served.
    return entry.Item !== undefined && rotation !== undefined;
  }

  async take(nowMs: number, leaseMs: number, max = 1): Promise<WaitingDial[]> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const counter = await this.counter();
      const free = this.limit - counter.inUse;
      if (free <= 0 || counter.pausedUntilMs > nowMs) return [];
      const want = Math.min(free, max, MAX_BATCH);
      const { lines, empty } = await this.readLines(want);
      if (empty.length) await Promise.all(empty.map((clinicId) => this.leaveRotationIfEmpty(clinicId)));
      const pick = pickRoundRobin(lines, want);
      if (pick.dials.length === 0) return [];
      const outcome = await this.tryTake(pick, counter, nowMs, leaseMs);
      if (outcome === 'taken') {
        // A clinic whose every waiting dial was just taken leaves the rotation now (not on the next take).
        const drained = lines.filter((line) => line.heads.length < want && line.heads.every((d) => pick.dials.includes(d)));
        await Promise.all(drained.map((line) => this.leaveRotationIfEmpty(line.clinicId)));
        return pick.dials;
      }
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
    const [counter, leases, rotation] = await Promise.all([this.counter(), this.leases(), this.rotation()]);
    const lines = await Promise.all(rotation.map((entry) => this.queryQueue(entry.clinicId)));
    const waiting = lines.flat().sort((a, b) => compare(a.dueAt, b.dueAt) || compare(a.callId, b.callId) || a.attempt - b.attempt);
    return { limit: this.limit, inUse: counter.inUse, pausedUntilMs: counter.pausedUntilMs, leases, waiting };
  }

  /**
   * The clinics in the rotation and the first `want` waiting dials of each, reading the clinics in rotation order and
   * only as many as a full round needs; clinics whose line turned out empty are returned apart.
   */
  private async readLines(want: number): Promise<{ lines: ClinicLine[]; empty: string[] }> {
    const rotation = rotationOrder((await this.rotation()).map((entry) => ({ ...entry, heads: [] })));
    const lines: ClinicLine[] = [];
    const empty: string[] = [];
    for (let from = 0; from < rotation.length && lines.length < want; from += want) {
      const chunk = rotation.slice(from, from + want);
      const heads = await Promise.all(chunk.map((entry) => this.queryQueue(entry.clinicId, want)));
      chunk.forEach((entry, i) => {
        if (heads[i]!.length) lines.push({ ...entry, heads: heads[i]! });
        else empty.push(entry.clinicId);
      });
    }
    return { lines, empty };
  }

  /**
   * Removes the clinic from the rotation if its line is empty, without ever losing a joiner (see the class comment):
   * mark `closing` with a fresh token, read the line, delete only if it is empty and the token is still ours.
   */
  private async leaveRotationIfEmpty(clinicId: string): Promise<void> {
    const key = { pk: this.rotationPk, sk: keys.dialRotationEntry(clinicId) };
    const token = randomUUID();
    const ifOurs = { ConditionExpression: 'closing = :t', ExpressionAttributeValues: { ':t': token } };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET closing = :t',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeValues: { ':t': token },
        }),
      );
      const stillWaiting = (await this.queryQueue(clinicId, 1)).length > 0;
      if (stillWaiting) {
        await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: key, UpdateExpression: 'REMOVE closing', ...ifOurs }));
      } else {
        await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key, ...ifOurs }));
      }
    } catch (error) {
      // Gone already, or someone joined / another taker is checking meanwhile: the entry stays, checked again later.
      if ((error as Error).name === 'ConditionalCheckFailedException' || cancellationCodes(error)) return;
      throw error;
    }
  }

  /**
   * One transaction for the whole batch: counter +k on the value just read (so a concurrent taker makes it fail
   * rather than overshoot) and the rotation's sequence advanced, k leases (absent), k line entries (present), and each
   * served clinic's rotation entry given the next sequence numbers in {@link RoundRobinPick.servedOrder}.
   */
  private async tryTake(
    pick: RoundRobinPick,
    counter: Counter,
    nowMs: number,
    leaseMs: number,
  ): Promise<'taken' | 'changed' | 'conflict'> {
    const dials = pick.dials;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: this.slotsPk, sk: keys.dialSlotCounter },
                UpdateExpression: 'SET inUse = :next, servedSeq = :seq',
                ConditionExpression:
                  '(attribute_not_exists(inUse) OR inUse = :seen) AND (attribute_not_exists(pausedUntilMs) OR pausedUntilMs <= :now)',
                ExpressionAttributeValues: {
                  ':next': counter.inUse + dials.length,
                  ':seen': counter.inUse,
                  ':now': nowMs,
                  ':seq': counter.servedSeq + pick.servedOrder.length,
                },
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
              Delete: { TableName: this.tableName, Key: this.entryKey(dial), ConditionExpression: 'attribute_exists(sk)' },
            })),
            ...pick.servedOrder.map((clinicId, i) => ({
              Update: {
                TableName: this.tableName,
                Key: { pk: this.rotationPk, sk: keys.dialRotationEntry(clinicId) },
                UpdateExpression: 'SET clinicId = :c, servedSeq = :s',
                ExpressionAttributeValues: { ':c': clinicId, ':s': counter.servedSeq + 1 + i },
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
            new DeleteCommand({ TableName: this.tableName, Key: this.entryKey(dial) }),
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

  private async counter(): Promise<Counter> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: this.slotsPk, sk: keys.dialSlotCounter }, ConsistentRead: true }),
    );
    return {
      inUse: Number(out.Item?.inUse ?? 0),
      pausedUntilMs: Number(out.Item?.pausedUntilMs ?? 0),
      servedSeq: Number(out.Item?.servedSeq ?? 0),
    };
  }

  /** The line entry's key of a dial: in its clinic's partition, ordered by due time. */
  private entryKey(dial: WaitingDial) {
    return { pk: keys.dialQueue(this.scope, dial.clinicId), sk: keys.dialQueueEntry(dial.dueAt, dial.callId, dial.attempt) };
  }

  private async rotationEntry(clinicId: string): Promise<{ closing?: string } | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: this.rotationPk, sk: keys.dialRotationEntry(clinicId) }, ConsistentRead: true }),
    );
    return out.Item ? { ...(out.Item.closing !== undefined ? { closing: String(out.Item.closing) } : {}) } : undefined;
  }

  /**
   * Every clinic in the rotation with its `servedSeq` (0 = not served since it joined). The queries here page with
   * `db.send` rather than `queryAll`: lib-dynamodb's paginator accepts only a real document client, and the race tests
   * interpose on `send` to run a joiner at the worst moment.
   */
  private async rotation(): Promise<{ clinicId: string; servedSeq: number }[]> {
    const entries: { clinicId: string; servedSeq: number }[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': this.rotationPk },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) entries.push({ clinicId: String(item.clinicId), servedSeq: Number(item.servedSeq ?? 0) });
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return entries;
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

  /** One clinic's line, earliest first; `limit` entries or all of it. */
  private async queryQueue(clinicId: string, limit?: number): Promise<WaitingDial[]> {
    const dials: WaitingDial[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.dialQueue(this.scope, clinicId) },
          ConsistentRead: true,
          ...(limit ? { Limit: limit - dials.length } : {}),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        dials.push({ clinicId: String(item.clinicId), callId: String(item.callId), attempt: Number(item.attempt), dueAt: String(item.dueAt) });
      }
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

/** The slot counter item as read. */
interface Counter {
  inUse: number;
  pausedUntilMs: number;
  /** The rotation's last sequence number handed to a served clinic. */
  servedSeq: number;
}

/** Runs `write` again when DynamoDB refuses it for a transaction in progress on the same item. */
async function retryOnConflict(write: () => Promise<void>): Promise<void> {
  for (let round = 0; ; round += 1) {
    try {
      return await write();
    } catch (error) {
      if (round >= MAX_ROUNDS || !cancellationCodes(error)?.includes('TransactionConflict')) throw error;
      await sleep(2 + Math.random() * 10);
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

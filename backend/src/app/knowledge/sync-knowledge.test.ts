import { beforeEach, describe, expect, it } from 'vitest';
import { Clinic, OPEN_ALWAYS } from '@vfc/shared';
import { DynamoDbKnowledgeStore } from '../../adapters/dynamodb/dynamodb-knowledge-store.js';
import { createTestTable } from '../../local/test-support/test-table.js';
import {
  KnowledgeProviderError,
  type KnowledgeBaseProvider,
  type OutgoingKnowledgeSource,
  type ProviderKnowledgeBase,
} from '../../ports/knowledge-base-provider.js';
import type { KnowledgeSourceRecord } from '../../ports/knowledge-store.js';
import { contentHash } from './content-hash.js';
import type { KnowledgeSyncDependencies } from './knowledge-dependencies.js';
import { syncKnowledge } from './sync-knowledge.js';

/**
 * A provider in memory: indexes at once; `failNextAdd` makes the next add-sources throw; `copyError` gives a copy its
 * own `error` state (as Vapi's file status does) while the base stays `ready`.
 */
class FakeProvider implements KnowledgeBaseProvider {
  bases = new Map<string, ProviderKnowledgeBase>();
  added: OutgoingKnowledgeSource[] = [];
  attached = new Map<string, string[]>();
  failNextAdd?: string;
  copyError?: (source: OutgoingKnowledgeSource) => string | undefined;
  private next = 1;
  async create() {
    const id = `kb${this.next++}`;
    this.bases.set(id, { knowledgeBaseId: id, status: 'ready', sources: [], errors: [] });
    return id;
  }
  async get(id: string) {
    const base = this.bases.get(id);
    return base && structuredClone(base);
  }
  async addSources(id: string, sources: OutgoingKnowledgeSource[]) {
    if (this.failNextAdd) {
      const message = this.failNextAdd;
      this.failNextAdd = undefined;
      throw new KnowledgeProviderError(message);
    }
    this.added.push(...sources);
    const base = this.bases.get(id)!;
    for (const s of sources) {
      const providerSourceId = `s${this.next++}`;
      const error = this.copyError?.(s);
      const state = error ? { status: 'error' as const, error } : {};
      base.sources.push(
        s.type === 'text'
          ? { providerSourceId, type: 'text', title: s.title, ...state }
          : s.type === 'url'
            ? { providerSourceId, type: 'url', url: s.url, ...state }
            : { providerSourceId, type: 'file', fileName: s.fileName, ...state },
      );
    }
  }
  async deleteSource(id: string, sourceId: string) {
    const base = this.bases.get(id)!;
    base.sources = base.sources.filter((s) => s.providerSourceId !== sourceId);
  }
  async attachedTo(agentId: string) {
    return this.attached.get(agentId) ?? [];
  }
  async attach(agentId: string, id: string) {
    this.attached.set(agentId, [id]);
    return true;
  }
}

const clinic = Clinic.parse({ clinicId: 'c-sync', name: 'Pawsome Vet', phoneNumber: '+14155550100', fromNumber: '+14155550100', agentId: 'agent_1', timezone: 'UTC', weeklyHours: OPEN_ALWAYS });
let provider: FakeProvider;
let deps: KnowledgeSyncDependencies;
let store: DynamoDbKnowledgeStore;

beforeEach(async () => {
  const table = await createTestTable();
  store = new DynamoDbKnowledgeStore(table.client, table.tableName);
  provider = new FakeProvider();
  deps = {
    clinics: { getClinic: async (id: string) => (id === clinic.clinicId ? clinic : undefined) } as never,
    clock: { now: () => new Date('2026-12-04T06:00:00Z') },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    newId: () => 'unused',
    knowledge: store,
    files: {} as never,
    providerFor: () => provider,
    wait: async () => {},
  };
});

async function addText(sourceId: string, text: string): Promise<void> {
  const content = { kind: 'text' as const, title: `Title ${sourceId}`, text };
  const record: KnowledgeSourceRecord = { sourceId, ...content, contentHash: contentHash(content), status: 'pending', createdAt: 'x', updatedAt: 'x' };
  await store.addSource(clinic.clinicId, record, 50);
}

describe('syncKnowledge', () => {
  it('creates one base, sends the clinic facts and each source once, and attaches the base to the clinic agent', async () => {
    await addText('t1', 'Rechecks are free.');
    const first = await syncKnowledge(deps, clinic.clinicId);
    expect(first.sent.sort()).toEqual(['clinic-facts', 't1']);
    expect(provider.attached.get('agent_1')).toEqual([first.knowledgeBaseId]);
    expect((await store.listSources(clinic.clinicId)).map((s) => s.status)).toEqual(['ready', 'ready']);
  });

  it('sends nothing again when nothing changed (content hashes)', async () => {
    await addText('t1', 'Rechecks are free.');
    await syncKnowledge(deps, clinic.clinicId);
    provider.added = [];
    const second = await syncKnowledge(deps, clinic.clinicId);
    expect([second.sent, provider.added]).toEqual([[], []]);
    expect(second.unchanged.sort()).toEqual(['clinic-facts', 't1']);
  });

  it("leaves a refused source in error with the provider's message, and the next sync retries it", async () => {
    await addText('t1', 'Rechecks are free.');
    await syncKnowledge(deps, clinic.clinicId);
    await addText('t2', 'Parking behind the clinic.');
    provider.failNextAdd = 'Retell refused the request (422): text too long';
    const failed = await syncKnowledge(deps, clinic.clinicId);
    expect(failed.errors).toEqual([{ sourceId: 't2', message: 'Retell refused the request (422): text too long' }]);
    expect(await store.getSource(clinic.clinicId, 't2')).toMatchObject({ status: 'error', error: 'Retell refused the request (422): text too long' });
    const retried = await syncKnowledge(deps, clinic.clinicId);
    expect(retried.sent).toEqual(['t2']);
    expect((await store.getSource(clinic.clinicId, 't2'))?.status).toBe('ready');
  });

  it('re-sends a source whose copy went missing at the provider', async () => {
    await addText('t1', 'Rechecks are free.');
    const first = await syncKnowledge(deps, clinic.clinicId);
    const base = provider.bases.get(first.knowledgeBaseId!)!;
    base.sources = base.sources.filter((s) => !s.title?.startsWith('Title t1'));
    expect((await syncKnowledge(deps, clinic.clinicId)).sent).toEqual(['t1']);
  });

  it("leaves a source in error with its copy's own message when the provider reports one per copy; the others are ready", async () => {
    await addText('t1', 'Rechecks are free.');
    await addText('t2', 'Broken.');
    provider.copyError = (s) => (s.type === 'text' && s.title.startsWith('Title t2') ? 'Vapi could not process the file t2.txt (status failed)' : undefined);
    const report = await syncKnowledge(deps, clinic.clinicId);
    expect(report.errors).toEqual([{ sourceId: 't2', message: 'Vapi could not process the file t2.txt (status failed)' }]);
    expect((await store.listSources(clinic.clinicId)).map((s) => [s.sourceId, s.status])).toEqual([
      ['clinic-facts', 'ready'],
      ['t1', 'ready'],
      ['t2', 'error'],
    ]);
  });

  it("makes a new base and re-sends every source when the clinic now calls through another account of the same provider", async () => {
    await addText('t1', 'Rechecks are free.');
    const first = await syncKnowledge(deps, clinic.clinicId);
    const own = Clinic.parse({ ...clinic, voice: { provider: 'retell', account: 'clinic', keyLast4: '1234', fromNumber: clinic.fromNumber, agentId: 'agent_own', status: 'ok' } });
    deps.clinics = { getClinic: async () => own } as never;
    const second = await syncKnowledge(deps, clinic.clinicId);
    expect(second.knowledgeBaseId).not.toBe(first.knowledgeBaseId);
    expect(second.sent.sort()).toEqual(['clinic-facts', 't1']);
    expect(await store.getBase(clinic.clinicId)).toMatchObject({ provider: 'retell', account: 'retell:clinic:c-sync', knowledgeBaseId: second.knowledgeBaseId });
  });

  it("attaches the base to the agent in the clinic's own workspace (voice.agentId), not its platform agent", async () => {
    const own = Clinic.parse({ ...clinic, voice: { provider: 'retell', account: 'clinic', keyLast4: '1234', fromNumber: clinic.fromNumber, agentId: 'agent_own', status: 'ok' } });
    deps.clinics = { getClinic: async () => own } as never;
    const report = await syncKnowledge(deps, clinic.clinicId);
    expect([...provider.attached.entries()]).toEqual([['agent_own', [report.knowledgeBaseId]]]);
  });

  it('does nothing while another sync holds the clinic lease', async () => {
    await store.claimSync(clinic.clinicId, Date.parse('2026-12-04T06:00:00Z'), Date.parse('2026-12-04T06:05:00Z'));
    expect((await syncKnowledge(deps, clinic.clinicId)).skipped).toBe('busy');
    expect(provider.bases.size).toBe(0);
  });
});

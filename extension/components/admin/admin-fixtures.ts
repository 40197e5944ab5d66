import type { AgentAuditReport, AgentSyncReport, ClinicSettings, RegistryAgent } from '@vfc/shared';

/** Test data for the admin sections' component tests (shapes from shared/src/api). */
export const TEST_SETTINGS: ClinicSettings = {
  timezone: 'America/New_York',
  weeklyHours: {
    mon: [{ start: '08:00', end: '18:00' }],
    tue: [{ start: '08:00', end: '18:00' }],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  },
  closedDates: ['2026-12-25'],
  enforceRecipientWindow: true,
  voicemailPolicy: 'complete',
  maxCallsPer30Days: 3,
};

export function testAgent(overrides: Partial<RegistryAgent> = {}): RegistryAgent {
  return {
    agentId: 'agent_demo',
    agentName: 'Demo follow-up',
    voiceId: '11labs-Adrian',
    version: 2,
    isPublished: true,
    language: 'en-US',
    lastModificationTimestamp: 1_790_000_000_000,
    lastSyncedAt: '2026-11-24T15:00:00.000Z',
    syncStatus: 'active',
    tags: [],
    ...overrides,
  };
}

export function testAudit(healthScore: number, recommendations: string[] = []): AgentAuditReport {
  return {
    auditedAt: '2026-11-24T15:05:00.000Z',
    healthScore,
    discrepancies: [],
    recommendations,
    counts: { active: 1, orphaned: 0, skipped: 0, duplicates: 0, clinics: 1 },
  };
}

export function testSyncReport(created: number): AgentSyncReport {
  return {
    ok: true,
    startedAt: '2026-11-24T15:10:00.000Z',
    finishedAt: '2026-11-24T15:10:01.000Z',
    created: [],
    updated: [],
    skipped: [],
    orphaned: [],
    duplicates: [],
    errors: [],
    totals: { inRetell: 2, created, updated: 0, skipped: 0, orphaned: 0, duplicates: 0, errors: 0, active: 2 },
  };
}

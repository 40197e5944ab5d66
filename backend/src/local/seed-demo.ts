import { OPEN_ALWAYS, type Clinic } from '@vfc/shared';
import { provisionClinic } from '../app/provision-clinic.js';
import type { ProvisioningStores } from '../app/provision-clinic.js';

/** The demo clinic's id. */
export const DEMO_CLINIC_ID = 'demo-clinic';

/** The demo clinic's calling number: in the Retell simulator's workspace and the Vapi simulator's account alike. */
export const DEMO_FROM_NUMBER = '+14155550199';

/**
 * The local stack's demo clinic: open every hour of every day with the recipient 08:00–21:00 bound OFF, so the demo and
 * the end-to-end tests work whenever they run (the UI says "demo mode"). Never use these settings for a real clinic.
 */
export function demoClinic(timezone: string): Clinic {
  return {
    clinicId: DEMO_CLINIC_ID,
    name: 'Happy Paws Veterinary (demo)',
    phoneNumber: '+14155550100',
    timezone,
    weeklyHours: OPEN_ALWAYS,
    closedDates: [],
    enforceRecipientWindow: false,
    voicemailPolicy: 'complete',
    maxCallsPer30Days: 3,
    fromNumber: DEMO_FROM_NUMBER,
    agentId: 'agent_demo_followup',
    demoMode: true,
  };
}

/** Seeds the demo clinic with a staff and an admin token (fixed values when given, else generated). */
export async function seedDemoClinic(
  stores: ProvisioningStores,
  options: { timezone: string; staffToken?: string; adminToken?: string },
): Promise<{ staffToken: string; adminToken: string }> {
  const { tokens } = await provisionClinic(stores, demoClinic(options.timezone), [
    { role: 'staff', label: 'Demo clinic staff token', token: options.staffToken },
    { role: 'admin', label: 'Demo clinic admin token', token: options.adminToken },
  ]);
  return { staffToken: tokens[0]!.token, adminToken: tokens[1]!.token };
}

import type { DialogValues } from '../lib/form-errors';

/**
 * The Schedule-call dialog's values as staff would leave them for a typical consultation: a US number typed the way
 * people type it, no time chosen yet (`scheduledForLocal: ''`, the clinic's local `YYYY-MM-DDTHH:mm` when set).
 */
export function dialogValues(overrides: Partial<DialogValues> = {}): DialogValues {
  return {
    consultationId: '310382',
    ownerName: 'Jane Doe',
    phoneNumber: '(415) 555-0123',
    petName: 'Bella',
    vetName: 'Dr. Sam Rivera',
    dischargeSummary: 'Soft food for 3 days.',
    notes: '',
    scheduledForLocal: '',
    ...overrides,
  };
}

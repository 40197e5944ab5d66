import type { Dependencies, RecipientZoneDependencies } from '../app/dependencies.js';
import { lookupRecipientZones } from '../adapters/phone-zones/lookup-recipient-zones.js';
import { createCallScheduler } from './call-schedules.js';
import { createStorageDependencies, storageDependencies, type StorageDependencies } from './storage.js';

/** The table, the call schedules and the phone-zone lookup: what scheduling, moving and cancelling calls need (no provider). */
export type SchedulingDependencies = StorageDependencies & Pick<Dependencies, 'scheduler'> & RecipientZoneDependencies;

/** Builds {@link SchedulingDependencies} from the environment. */
export function createSchedulingDependencies(env: NodeJS.ProcessEnv = process.env, storage = createStorageDependencies(env)): SchedulingDependencies {
  return { ...storage, scheduler: createCallScheduler(env), recipientZones: lookupRecipientZones };
}

let cached: SchedulingDependencies | undefined;

/**
 * The process-wide scheduling dependencies, built on first use. The handlers that schedule, move or cancel calls import
 * this module instead of `composition.ts`, so their bundles leave out the voice providers' SDKs and the secret store.
 */
export function schedulingDependencies(): SchedulingDependencies {
  cached ??= createSchedulingDependencies(process.env, storageDependencies());
  return cached;
}

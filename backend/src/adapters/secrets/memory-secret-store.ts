import type { SecretStore } from '../../ports/secret-store.js';

/**
 * The local stack's stand-in for Secrets Manager: keys live in this process's memory only (the local stack runs every
 * handler in one process), so they are gone on restart and never touch a file or the table.
 */
export class MemorySecretStore implements SecretStore {
  private readonly keys = new Map<string, string>();

  async putClinicKey(clinicId: string, key: string): Promise<void> {
    this.keys.set(clinicId, key);
  }

  async getClinicKey(clinicId: string): Promise<string | undefined> {
    return this.keys.get(clinicId);
  }

  async deleteClinicKey(clinicId: string): Promise<void> {
    this.keys.delete(clinicId);
  }
}

/** The one in-process store of the local stack (handlers load separately; they share this module instance). */
export const localSecretStore = new MemorySecretStore();

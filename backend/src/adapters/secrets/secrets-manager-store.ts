import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SecretStore } from '../../ports/secret-store.js';

/** Name of a clinic's secret: `<prefix>/clinic-voice/<clinicId>` (the IAM grant is scoped to `<prefix>/clinic-voice/*`). */
export function clinicSecretName(prefix: string, clinicId: string): string {
  return `${prefix}/clinic-voice/${clinicId}`;
}

/**
 * {@link SecretStore} on AWS Secrets Manager, one secret per clinic. `put` creates the secret, or adds a version when
 * it exists; `delete` schedules deletion with the shortest recovery window (7 days).
 */
export class SecretsManagerStore implements SecretStore {
  constructor(
    private readonly client: SecretsManagerClient,
    private readonly prefix: string,
  ) {}

  async putClinicKey(clinicId: string, key: string): Promise<void> {
    const name = clinicSecretName(this.prefix, clinicId);
    try {
      await this.client.send(new CreateSecretCommand({ Name: name, SecretString: key, Description: 'A clinic-owned voice provider API key' }));
    } catch (error) {
      if (!(error instanceof ResourceExistsException)) throw error;
      await this.client.send(new PutSecretValueCommand({ SecretId: name, SecretString: key }));
    }
  }

  async getClinicKey(clinicId: string): Promise<string | undefined> {
    try {
      const out = await this.client.send(new GetSecretValueCommand({ SecretId: clinicSecretName(this.prefix, clinicId) }));
      return out.SecretString || undefined;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  }

  async deleteClinicKey(clinicId: string): Promise<void> {
    try {
      await this.client.send(new DeleteSecretCommand({ SecretId: clinicSecretName(this.prefix, clinicId), RecoveryWindowInDays: 7 }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}

/** A {@link SecretsManagerStore} with its own client in `region` (the stack's, from `AWS_REGION` when unset). */
export function createSecretsManagerStore(prefix: string, region?: string): SecretsManagerStore {
  return new SecretsManagerStore(new SecretsManagerClient({ region }), prefix);
}

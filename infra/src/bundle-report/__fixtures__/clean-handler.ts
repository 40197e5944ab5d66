// Fixture: a handler that imports only shared code; the bundle check must accept it.
import { SERVICE_NAME } from '@vfc/shared/ops/observability';

export const handler = async (): Promise<string> => SERVICE_NAME;

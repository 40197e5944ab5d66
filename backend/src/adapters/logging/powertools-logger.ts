import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from '@vfc/shared';
import type { AppLogger } from '../../ports/logger.js';

/** Structured JSON logs (Powertools Logger; level from `POWERTOOLS_LOG_LEVEL`). Callers pass ids, never personal data. */
export const powertoolsLogger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME });

/** {@link AppLogger} over Powertools. */
export const appLogger: AppLogger = {
  info: (message, detail) => powertoolsLogger.info(message, { ...detail }),
  warn: (message, detail) => powertoolsLogger.warn(message, { ...detail }),
  error: (message, detail) => powertoolsLogger.error(message, { ...detail }),
};

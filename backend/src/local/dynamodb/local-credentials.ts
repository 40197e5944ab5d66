/**
 * The fixed region and credentials every local client (DynamoDB Local, the scheduler emulator) uses.
 * DynamoDB Local ignores them for auth but keys its databases by them unless `-sharedDb` is set (we set it).
 */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

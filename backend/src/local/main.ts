import { SIGN_IN_SCOPES } from '@vfc/shared';
import { startLocalStack } from './stack.js';

/**
 * `pnpm start`: the whole product on this machine. Environment: PORT (API, default 4000), NEO_PORT (fake Neo,
 * default 4100), DEMO_API_TOKEN / DEMO_ADMIN_TOKEN (fix the demo tokens), RETELL_SIMULATOR_API_KEY (fix the
 * simulator's key), RETELL_API_KEY (use the real Retell instead of the simulator), VAPI_SIMULATOR_API_KEY / VAPI_WEBHOOK_SECRET (fix the
 * Vapi simulator's key and the platform's Vapi webhook secret; generated and printed otherwise), VAPI_API_KEY (the
 * real Vapi instead of its simulator), RETELL_SIMULATOR_CLINIC_API_KEY (fix the key of the simulator's second Retell
 * workspace, a clinic's own account), DEMO_TIMEZONE, LOCAL_TIME_SCALE
 * (virtual ms per real ms, e.g. 60 = one virtual minute per second: retries 5/10/20 minutes apart within seconds).
 * Sign-in (docs/sign-in.md): OIDC_PORT (the local identity provider, default 4300), DEMO_STAFF_EMAIL / DEMO_ADMIN_EMAIL /
 * DEMO_PASSWORD (fix the demo people), LOCAL_IDP_ADMIN_KEY (fix the key of its admin API), EXTENSION_IDS (comma-separated extension ids whose
 * `https://<id>.chromiumapp.org/` redirect the sign-in client allows).
 */
async function main() {
  const stack = await startLocalStack({
    port: Number(process.env.PORT ?? 4000),
    neoPort: Number(process.env.NEO_PORT ?? 4100),
    staffToken: process.env.DEMO_API_TOKEN,
    adminToken: process.env.DEMO_ADMIN_TOKEN,
    simulatorApiKey: process.env.RETELL_SIMULATOR_API_KEY,
    retellApiKey: process.env.RETELL_API_KEY,
    retellClinicApiKey: process.env.RETELL_SIMULATOR_CLINIC_API_KEY,
    vapiSimulatorApiKey: process.env.VAPI_SIMULATOR_API_KEY,
    vapiWebhookSecret: process.env.VAPI_WEBHOOK_SECRET,
    vapiApiKey: process.env.VAPI_API_KEY,
    timezone: process.env.DEMO_TIMEZONE,
    oidcPort: Number(process.env.OIDC_PORT ?? 4300),
    oidcAdminKey: process.env.LOCAL_IDP_ADMIN_KEY,
    demoPeople: { staffEmail: process.env.DEMO_STAFF_EMAIL, adminEmail: process.env.DEMO_ADMIN_EMAIL, password: process.env.DEMO_PASSWORD },
    ...(process.env.LOCAL_TIME_SCALE ? { timeScale: Number(process.env.LOCAL_TIME_SCALE) } : {}),
  });
  const apiUrl = stack.apiUrl;
  const idp = stack.identityProvider;
  const people = stack.demoPeople;
  console.log(`
Vet follow-up calls — local stack is running (demo clinic, open around the clock: demo mode).

  API URL            ${apiUrl}
  API reference      ${apiUrl}/docs  (OpenAPI 3.1 document: ${apiUrl}/openapi.json)
  Staff API key      ${stack.staffToken}
  Admin API key      ${stack.adminToken}
  Sign-in issuer     ${idp.issuer}  (local identity provider, the Cognito stand-in)
  Sign-in client id  ${idp.clientId}  (public, PKCE S256, scopes ${SIGN_IN_SCOPES.join(' ')})
  Redirect URIs      ${idp.redirectUris.join('  ')}
  Demo staff         ${people.staff.email}  (${people.staff.name})
  Demo admin         ${people.admin.email}  (${people.admin.name})
  Demo password      ${people.password}
  Sign-in admin key  ${idp.adminKey}  (ops invite-user / disable-user: LOCAL_IDP_URL=${idp.issuer} LOCAL_IDP_ADMIN_KEY=<this>)
  Table (ops)        TABLE_NAME=${stack.tableName} DYNAMODB_ENDPOINT=${stack.dynamoDbEndpoint}  (ops *-api-key, invite-user, disable-user)
  Retell             ${stack.simulator ? `simulator at ${stack.simulator.url}` : 'REAL Retell (RETELL_API_KEY is set)'}
  Webhook signing key ${stack.webhookSigningKey}
${stack.retellClinicApiKey ? `  Own Retell key     ${stack.retellClinicApiKey}  (a second simulated workspace: PUT /clinic/voice {"provider":"retell","apiKey":"<it>"})
` : ''}  Vapi               ${stack.vapiSimulator ? `simulator at ${stack.vapiSimulator.url}` : 'REAL Vapi (VAPI_API_KEY is set)'}
  Vapi webhook secret ${stack.vapiWebhookSecret}
  Fake IDEXX Neo     ${stack.neoUrl}/consultations/view/310382

Load the extension (root \`pnpm start\` has built it): chrome://extensions → Developer mode → "Load unpacked" →
extension/.output/chrome-mv3-e2e (the local build; it also matches the fake Neo on 127.0.0.1).
In the extension's options set the API URL and the staff token above, click "Test connection",
then open the fake Neo consultation and click "Schedule call". Stop with Ctrl+C.
`);
  const shutdown = () => {
    stack.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('The local stack could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

import { startLocalStack } from './stack.js';

/**
 * `pnpm start`: the whole product on this machine. Environment: PORT (API, default 4000), NEO_PORT (fake Neo,
 * default 4100), DEMO_API_TOKEN / DEMO_ADMIN_TOKEN (fix the demo tokens), RETELL_SIMULATOR_API_KEY (fix the
 * simulator's key), RETELL_API_KEY (use the real Retell instead of the simulator), VAPI_SIMULATOR_API_KEY / VAPI_WEBHOOK_SECRET (fix the
 * Vapi simulator's key and the platform's Vapi webhook secret; generated and printed otherwise), VAPI_API_KEY (the
 * real Vapi instead of its simulator), RETELL_SIMULATOR_CLINIC_API_KEY (fix the key of the simulator's second Retell
 * workspace, a clinic's own account), DEMO_TIMEZONE, LOCAL_TIME_SCALE
 * (virtual ms per real ms, e.g. 60 = one virtual minute per second: retries 5/10/20 minutes apart within seconds).
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
    ...(process.env.LOCAL_TIME_SCALE ? { timeScale: Number(process.env.LOCAL_TIME_SCALE) } : {}),
  });
  const apiUrl = stack.apiUrl;
  console.log(`
Vet follow-up calls — local stack is running (demo clinic, open around the clock: demo mode).

  API URL            ${apiUrl}
  API reference      ${apiUrl}/docs  (OpenAPI 3.1 document: ${apiUrl}/openapi.json)
  Staff token        ${stack.staffToken}
  Admin token        ${stack.adminToken}
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

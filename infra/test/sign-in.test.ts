import { API_ROUTES } from '@vfc/shared/api/routes';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize, type CfnResource, type Synthesized } from './support/synth.js';

/** Staff sign-in in AWS: the user pool, its client, groups, domain and the authorizer's token validation, per stage. */
const DEV_EXTENSION = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PROD_EXTENSION = 'abcdefghijklmnopabcdefghijklmnop';
let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synthesize({ context: { stage: 'dev' }, bundle: false });
  prod = synthesize({ context: { stage: 'prod', extensionOrigin: `chrome-extension://${PROD_EXTENSION}`, alarmEmail: 'ops@example.com' }, bundle: false });
}, 180_000);

const only = (s: Synthesized, type: string): CfnResource => {
  const found = Object.values(s.statefulTemplate.findResources(type) as Record<string, CfnResource>);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const pool = (s: Synthesized) => only(s, 'AWS::Cognito::UserPool').Properties!;
const client = (s: Synthesized) => only(s, 'AWS::Cognito::UserPoolClient').Properties!;

describe('user pool', () => {
  it('signs people in by email, with no self sign-up', () => {
    expect([pool(dev).UsernameAttributes, pool(dev).AdminCreateUserConfig.AllowAdminCreateUserOnly]).toEqual([['email'], true]);
  });

  it('requires a 12-character password with lower, upper, digit and symbol', () => {
    expect(pool(dev).Policies.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
  });

  it('makes MFA (authenticator apps) optional in dev and required in prod', () => {
    expect([pool(dev).MfaConfiguration, pool(prod).MfaConfiguration, pool(prod).EnabledMfas]).toEqual(['OPTIONAL', 'ON', ['SOFTWARE_TOKEN_MFA']]);
  });

  it('has deletion protection and RETAIN in prod only', () => {
    const prodPool = only(prod, 'AWS::Cognito::UserPool');
    expect([pool(dev).DeletionProtection, prodPool.Properties!.DeletionProtection, prodPool.DeletionPolicy]).toEqual(['INACTIVE', 'ACTIVE', 'Retain']);
  });

  it('is on the Essentials plan in dev and on Plus with full threat protection in prod', () => {
    expect([pool(dev).UserPoolTier, pool(prod).UserPoolTier, pool(prod).UserPoolAddOns]).toEqual(['ESSENTIALS', 'PLUS', { AdvancedSecurityMode: 'ENFORCED' }]);
  });

  it('holds the clinic in the custom attribute clinic_id', () => {
    expect(pool(dev).Schema).toContainEqual(expect.objectContaining({ Name: 'clinic_id', AttributeDataType: 'String', Mutable: true }));
  });

  it('runs the pre-token-generation trigger in its V2 event version (access-token claims)', () => {
    expect(pool(dev).LambdaConfig.PreTokenGenerationConfig).toMatchObject({ LambdaVersion: 'V2_0' });
  });

  it('has exactly the groups staff and admin', () => {
    const groups = Object.values(dev.statefulTemplate.findResources('AWS::Cognito::UserPoolGroup') as Record<string, CfnResource>);
    expect(groups.map((g) => g.Properties!.GroupName).sort()).toEqual(['admin', 'staff']);
  });

  it('has a managed-login domain (the newer managed login) with a branding style for the client', () => {
    const domain = only(dev, 'AWS::Cognito::UserPoolDomain').Properties!;
    expect([domain.Domain, domain.ManagedLoginVersion]).toEqual(['vfc-dev-staff', 2]);
    expect(only(dev, 'AWS::Cognito::ManagedLoginBranding').Properties!.UseCognitoProvidedValues).toBe(true);
  });
});

describe("the extension's app client", () => {
  it('is public: no client secret', () => {
    expect(client(dev).GenerateSecret).toBe(false);
  });

  it('allows the authorization-code flow only, with openid, email and profile', () => {
    expect([client(dev).AllowedOAuthFlows, client(dev).AllowedOAuthFlowsUserPoolClient, client(dev).AllowedOAuthScopes]).toEqual([
      ['code'],
      true,
      ['openid', 'email', 'profile'],
    ]);
  });

  it("calls back to the extension's chromiumapp.org address only", () => {
    expect([client(dev).CallbackURLs, client(prod).CallbackURLs]).toEqual([[`https://${DEV_EXTENSION}.chromiumapp.org/`], [`https://${PROD_EXTENSION}.chromiumapp.org/`]]);
  });

  it('lets people write their name but never their clinic', () => {
    expect([client(dev).WriteAttributes, client(dev).ReadAttributes]).toEqual([['name'], expect.arrayContaining(['custom:clinic_id', 'email', 'name'])]);
  });

  it('gives 5-minute access tokens and revocable 12-hour refresh tokens', () => {
    expect(client(dev)).toMatchObject({ AccessTokenValidity: 5, RefreshTokenValidity: 720, EnableTokenRevocation: true, TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'minutes' } });
  });
});

describe("the API's token validation", () => {
  const resources = () => dev.statelessTemplate.toJSON().Resources as Record<string, CfnResource>;
  const authorizerFunctionOf = (routeKey: string): CfnResource | undefined => {
    const route = Object.values(resources()).find((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties?.RouteKey === routeKey);
    const authorizer = route?.Properties?.AuthorizerId ? resources()[route.Properties.AuthorizerId.Ref] : undefined;
    const fnId = /"Fn::GetAtt":\["([^"]+)","Arn"\]/.exec(JSON.stringify(authorizer?.Properties?.AuthorizerUri))?.[1];
    return fnId ? resources()[fnId] : undefined;
  };

  it.each(API_ROUTES.filter((r) => r.auth === 'staff' || r.auth === 'admin').map((r) => [`${r.method} ${r.path}`] as const))(
    '%s validates sign-in tokens against the user pool (issuer and app client in the authorizer)',
    (routeKey) => {
      const env = authorizerFunctionOf(routeKey)?.Properties?.Environment?.Variables ?? {};
      expect([JSON.stringify(env.OIDC_ISSUER), JSON.stringify(env.OIDC_CLIENT_ID)]).toEqual([
        expect.stringMatching(/UserPool.*ProviderURL/),
        expect.stringMatching(/ExtensionClient/),
      ]);
    },
  );

  it.each(API_ROUTES.filter((r) => r.auth === 'webhook').map((r) => [`${r.method} ${r.path}`] as const))('%s has no token validation', (routeKey) => {
    expect(authorizerFunctionOf(routeKey)).toBeUndefined();
  });
});

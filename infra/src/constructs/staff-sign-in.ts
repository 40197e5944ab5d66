import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ROLE_GROUPS, SIGN_IN_SCOPES } from '@vfc/shared/api/identity';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';
import { HandlerFunction } from '../functions/handler-function.js';

/** The pre-token-generation trigger's handler (`backend/src/handlers/pre-token-generation.ts`). */
export const PRE_TOKEN_HANDLER = 'pre-token-generation';

/**
 * How long a person's access token lives. A disabled person's tokens stop working sooner: within the authorizer cache
 * TTL, since the authorizer checks their person record on every verdict it computes (docs/sign-in.md).
 */
export const ACCESS_TOKEN_VALIDITY = Duration.minutes(5);
/** How long a person stays signed in without typing their password again (one refresh token). */
export const REFRESH_TOKEN_VALIDITY = Duration.hours(12);

/**
 * Staff sign-in in AWS: one Cognito user pool per stage (email sign-in, no self sign-up, MFA per stage, a strong
 * password policy, deletion protection in prod), groups `staff` and `admin`, the admin-only attribute
 * `custom:clinic_id`, a pre-token-generation trigger (V2) that copies clinic, name and email into access tokens,
 * a public app client for the extension (authorization code + PKCE, no secret, callbacks
 * `https://<extension id>.chromiumapp.org/`) and a managed-login domain. See docs/sign-in.md.
 */
export class StaffSignIn extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of the pool's tokens. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: { config: StageConfig }) {
    super(scope, id);
    const { config } = props;
    const plus = config.signInFeaturePlan === 'plus';

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `${config.prefix}-staff`,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      selfSignUpEnabled: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { clinic_id: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      mfa: { off: cognito.Mfa.OFF, optional: cognito.Mfa.OPTIONAL, required: cognito.Mfa.REQUIRED }[config.signInMfa],
      ...(config.signInMfa === 'off' ? {} : { mfaSecondFactor: { otp: true, sms: false } }),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: plus ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(plus ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: config.isProduction,
      removalPolicy: config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    for (const group of ROLE_GROUPS) {
      this.userPool.addGroup(`Group-${group}`, {
        groupName: group,
        description: group === 'admin' ? 'Clinic admins: settings, agents, people' : 'Clinic staff: schedule and follow calls',
      });
    }

    const trigger = new HandlerFunction(this, 'PreTokenGeneration', { handler: PRE_TOKEN_HANDLER, config, environment: {}, memorySize: 256, timeout: Duration.seconds(5) });
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, trigger.fn, cognito.LambdaVersion.V2_0);

    // The clinic is set by ops (AdminCreateUser); a person can read it but never change it.
    const attributes = new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true });
    this.client = this.userPool.addClient('ExtensionClient', {
      userPoolClientName: `${config.prefix}-extension`,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // openid, email, profile: the scopes the extension (and the local identity provider) use.
        scopes: SIGN_IN_SCOPES.map((scope) => cognito.OAuthScope.custom(scope)),
        callbackUrls: [...config.signInCallbackUrls],
        logoutUrls: [...config.signInCallbackUrls],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: ACCESS_TOKEN_VALIDITY,
      idTokenValidity: ACCESS_TOKEN_VALIDITY,
      refreshTokenValidity: REFRESH_TOKEN_VALIDITY,
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes: attributes.withCustomAttributes('clinic_id'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: config.signInDomainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login (the newer version) shows a page only for a client with a branding style: Cognito's defaults.
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(this.domain);

    this.issuer = this.userPool.userPoolProviderUrl;

    const suppressions = [
      ...(plus
        ? []
        : [
            {
              id: 'AwsSolutions-COG8',
              // Justification: the Essentials plan is enough for the access-token customisation sign-in needs; Plus
              // (threat protection) costs more per user and is switched on per stage (prod) in cdk.json.
              reason: 'Essentials feature plan on this stage; prod uses Plus with threat protection (cdk.json signInFeaturePlan).',
            },
          ]),
      ...(config.signInMfa === 'required'
        ? []
        : [
            {
              id: 'AwsSolutions-COG2',
              // Justification: MFA is a per-stage choice (cdk.json signInMfa): optional where people test, required in prod.
              reason: 'MFA is optional on this stage (cdk.json signInMfa); prod requires it.',
            },
          ]),
    ];
    if (suppressions.length) NagSuppressions.addResourceSuppressions(this.userPool, suppressions);

    const region = Stack.of(this).region;
    new CfnOutput(Stack.of(this), 'SignInIssuer', { value: this.issuer, description: 'OpenID issuer of staff sign-in (extension setting)' });
    new CfnOutput(Stack.of(this), 'SignInClientId', { value: this.client.userPoolClientId, description: 'App client id of the extension (public, PKCE)' });
    new CfnOutput(Stack.of(this), 'SignInDomain', {
      value: `https://${config.signInDomainPrefix}.auth.${region}.amazoncognito.com`,
      description: 'Managed-login domain (authorization and token endpoints)',
    });
    new CfnOutput(Stack.of(this), 'UserPoolId', { value: this.userPool.userPoolId, description: 'User pool of staff sign-in (USER_POOL_ID for the ops CLI)' });
  }
}

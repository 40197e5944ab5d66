import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { API_ROUTES, AUTHORIZER_CACHE_TTL_SECONDS, CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, isTokenRoute } from '@vfc/shared/api/routes';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';

/** Route path of Retell's webhook (the one route without a bearer token), from the shared route table. */
export const WEBHOOK_ROUTE = API_ROUTES.find((route) => route.auth === 'webhook');

/**
 * How long API Gateway caches an authorizer decision per token (s): a disabled person's tokens stop working within it
 * (a revoked API key at once: the handlers check keys on every request, docs/sign-in.md).
 */
export const AUTHORIZER_CACHE_TTL = Duration.seconds(AUTHORIZER_CACHE_TTL_SECONDS);

export interface HttpApiProps {
  readonly config: StageConfig;
  /** The function serving each handler name of `API_ROUTES`. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  /** The Lambda authorizer (bearer token → clinic and role). */
  readonly authorizerFunction: lambda.IFunction;
}

/**
 * The HTTP API: one route per entry of the shared `API_ROUTES`, each integrated with its handler's function.
 * `staff` and `admin` routes go through a Lambda authorizer (simple responses); there is one authorizer per auth
 * kind so a decision cached for a staff route is never reused for an admin route. The webhook route has no
 * authorizer: the handler verifies Retell's signature over the raw body. CORS allows only the extension's origin;
 * the `$default` stage is throttled and writes JSON access logs.
 */
export class HttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { config } = props;

    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: `${config.prefix}-api`,
      description: 'Vet follow-up calls: call scheduling API and Retell webhook',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...config.extensionOrigins],
        // Every method of the route table (PUT included), so no route is blocked by the browser's preflight.
        allowMethods: CORS_ALLOW_METHODS.map((method) => method as apigw.CorsHttpMethod),
        allowHeaders: [...CORS_ALLOW_HEADERS],
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${config.prefix}-api`,
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.throttle.rateLimit, burstLimit: config.throttle.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLatency: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sourceIp: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });
    // The public webhook route(s) get a throttle of their own, below the stage's: a flood of forged requests is
    // refused by API Gateway (429) before it costs a Lambda run or eats the staff routes' share.
    const stageResource = this.stage.node.defaultChild as apigw.CfnStage;
    stageResource.routeSettings = Object.fromEntries(
      API_ROUTES.filter((route) => route.auth === 'webhook').map((route) => [
        `${route.method} ${route.path}`,
        // A raw CloudFormation map (typed `any`): CDK does not rename its keys, so they are written as CloudFormation's.
        { ThrottlingRateLimit: config.webhookThrottle.rateLimit, ThrottlingBurstLimit: config.webhookThrottle.burstLimit },
      ]),
    );

    const authorizers = {
      staff: this.authorizer('StaffAuthorizer', `${config.prefix}-staff`, props.authorizerFunction),
      admin: this.authorizer('AdminAuthorizer', `${config.prefix}-admin`, props.authorizerFunction),
    };
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of API_ROUTES) {
      const fn = props.functions.get(route.handler);
      if (!fn) throw new Error(`No function for route ${route.method} ${route.path} (handler ${route.handler})`);
      let integration = integrations.get(route.handler);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.handler}-integration`, fn);
        integrations.set(route.handler, integration);
      }
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [route.method as apigw.HttpMethod],
        integration,
        ...(isTokenRoute(route) ? { authorizer: authorizers[route.auth] } : {}),
      });
      if (route.auth === 'public') {
        for (const r of routes) {
          NagSuppressions.addResourceSuppressions(r, [
            {
              id: 'AwsSolutions-APIG4',
              // Justification: the OpenAPI description of the API is public on purpose (integrators read it before
              // they have a key); it holds no clinic data.
              reason: 'GET /openapi.json publishes the API description only; it reads no clinic data.',
            },
          ]);
        }
      }
      if (route.auth === 'webhook') {
        for (const r of routes) {
          NagSuppressions.addResourceSuppressions(r, [
            {
              id: 'AwsSolutions-APIG4',
              // Justification: Retell cannot send a bearer token; the handler verifies x-retell-signature
              // (HMAC over the raw body with our API key) and answers 401 without writing anything otherwise.
              reason: 'Provider webhook: authenticated in the handler by the provider HMAC signature (x-retell-signature / x-signature), not a token.',
            },
          ]);
        }
      }
    }
  }

  private authorizer(id: string, name: string, fn: lambda.IFunction): HttpLambdaAuthorizer {
    return new HttpLambdaAuthorizer(id, fn, {
      authorizerName: name,
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: AUTHORIZER_CACHE_TTL,
    });
  }

  /** Base URL of the API, ending with `/`. */
  get url(): string {
    return this.stage.url;
  }
}

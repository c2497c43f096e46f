import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';

/** An API Gateway v2 event as the JWT authorizer delivers it. */
export function apiEvent(
  routeKey: string,
  options: { claims?: Record<string, unknown>; body?: string; isBase64Encoded?: boolean; query?: Record<string, string>; params?: Record<string, string> } = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const [method, path] = routeKey.split(' ') as [string, string];
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    queryStringParameters: options.query,
    pathParameters: options.params,
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      requestId: 'req-123',
      routeKey,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      authorizer: options.claims ? { jwt: { claims: options.claims, scopes: [] } } : undefined,
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

export const lambdaContext = { awsRequestId: 'aws-req-1', functionName: 'test', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

export const claims = (role: string, sub: string) => ({ sub, role });

export const json = (result: { body?: string }) => JSON.parse(result.body ?? 'null');

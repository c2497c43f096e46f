import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { GENERATED_DOCUMENT_PATH } from '../../../functions/openapi/write-openapi-document.ts';
import { routes } from '../../../functions/routes.ts';
import { routeMatcher } from '../../../local/route-matcher.ts';

/**
 * Every answer of the local API checked against the OpenAPI document it serves: the status must be
 * one the route lists, and the body must match that status's schema. A path no route matches must
 * answer the API's 404 error shape.
 */
const document = JSON.parse(readFileSync(GENERATED_DOCUMENT_PATH, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }>>;
  components: { responses: Record<string, { content?: Record<string, unknown> }> };
};
const DOCUMENT_ID = 'openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (target: Ajv2020) => void)(ajv);
ajv.addSchema(document, DOCUMENT_ID);

const match = routeMatcher(routes);
const escapePointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const validators = new Map<string, ValidateFunction | null>();

/** The schema validator of a response (a JSON pointer into the document), or null when it has no JSON body. */
function validatorAt(pointer: string, response: { content?: Record<string, unknown> }): ValidateFunction | null {
  let validator = validators.get(pointer);
  if (validator === undefined) {
    validator = response.content?.['application/json'] ? (ajv.getSchema(`${DOCUMENT_ID}#${pointer}/content/application~1json/schema`) ?? null) : null;
    validators.set(pointer, validator);
  }
  return validator;
}

/** Throws, naming the route and what differs, when `status`/`body` is outside the document's contract. */
export function checkResponseContract(method: string, target: string, status: number, body: unknown): void {
  const path = target.split('?')[0] ?? target;
  const found = match(method, path);
  const where = found ? found.routeKey : `${method} ${path} (no route)`;
  let pointer: string;
  let response: { $ref?: string; content?: Record<string, unknown> } | undefined;
  if (found) {
    pointer = `/paths/${escapePointer(found.route.path)}/${found.route.method.toLowerCase()}/responses/${status}`;
    response = document.paths[found.route.path]?.[found.route.method.toLowerCase()]?.responses[String(status)];
    if (!response) throw new Error(`${where} answered ${status}, a status its OpenAPI operation does not list: ${JSON.stringify(body)}`);
  } else {
    if (status !== 404) throw new Error(`${where} answered ${status}; a path no route matches must answer 404`);
    pointer = '/components/responses/Error_404_NOT_FOUND';
    response = document.components.responses.Error_404_NOT_FOUND;
  }
  if (response?.$ref) {
    pointer = response.$ref.slice(1);
    response = document.components.responses[response.$ref.split('/').at(-1)!];
  }
  const validate = validatorAt(pointer, response ?? {});
  if (validate && !validate(body)) {
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
    throw new Error(`${where} answered ${status} outside its OpenAPI schema: ${problems.slice(0, 8).join('; ')}\nbody: ${JSON.stringify(body).slice(0, 2000)}`);
  }
}

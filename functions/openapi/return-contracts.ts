/** The contracts of the returns routes (API.md, "Returns"); see route-contracts.ts. */
import type * as z from 'zod/mini';
import { approveReturnBody, assignReturnBody, declineReturnBody, pickupReturnBody, receiveReturnBody } from '#domain/returns/change-return.ts';
import { createReturnBody } from '#domain/returns/create-return.ts';
import { listReturnsQuery } from '#domain/returns/list-returns.ts';
import { returnParams } from '#domain/returns/return-params.ts';
import { returnSchema } from '#domain/returns/return-types.ts';
import { listPageSchema } from '#domain/list-page.ts';
import type { RouteContract } from './route-contract.ts';

const decision = (summary: string, body: z.ZodMiniType, description: string): RouteContract => ({
  summary,
  description: `${description} A seller gets 403; a return in another state, 409.`,
  request: { params: returnParams, body },
  responses: [{ status: 200, description: 'The return after the change.', body: returnSchema }],
  errors: ['CONFLICT'],
});

export const returnContracts: Record<string, RouteContract> = {
  'POST /returns': {
    summary: 'Ask to return a delivered item',
    description: 'The item must be the customer’s, delivered, returnable, within its return window, with no open request (else 409).',
    request: { body: createReturnBody },
    idempotencyKey: true,
    responses: [{ status: 201, description: 'The return request.', body: returnSchema, replayable: true }],
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  'GET /returns': {
    summary: 'Returns, newest first',
    description: 'admin: all; seller: its own items’ (read-only); customer: its own; delivery: assigned to it for pickup.',
    request: { query: listReturnsQuery },
    responses: [{ status: 200, description: 'One page of returns.', body: listPageSchema(returnSchema) }],
  },
  'GET /returns/{returnId}': {
    summary: 'A return',
    request: { params: returnParams },
    responses: [{ status: 200, description: 'The return.', body: returnSchema }],
  },
  'POST /returns/{returnId}/approve': decision('Approve a return', approveReturnBody, '`requested` → `approved`.'),
  'POST /returns/{returnId}/decline': decision('Decline a return', declineReturnBody, '`requested` → `declined`.'),
  'POST /returns/{returnId}/assign': decision('Assign who collects the item', assignReturnBody, 'Only while `approved`.'),
  'POST /returns/{returnId}/pickup': decision('Mark the item picked up', pickupReturnBody, '`approved` → `picked_up`; admin, or the assigned delivery person.'),
  'POST /returns/{returnId}/receive': decision('Mark the item received back', receiveReturnBody, '`approved` or `picked_up` → `returned`; the item becomes `returned`.'),
};

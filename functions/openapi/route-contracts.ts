/**
 * Each route's contract, keyed by the route table's `routeKey` (build-time only: the OpenAPI
 * generator reads it, no route handler imports it). test/unit/openapi-document.test.ts fails when
 * a route of `functions/routes.ts` has no entry here, or an entry names no route.
 */
import * as z from 'zod/mini';
import { createShiprocketShipmentBody } from '#domain/courier/create-shiprocket-shipment.ts';
import { courierWebhookAnswerSchema } from '#domain/courier/courier-webhook-answer.ts';
import { courierWebhookBody } from '#domain/courier/receive-courier-webhook.ts';
import { createDeliveryPersonBody } from '#domain/delivery-persons/create-delivery-person.ts';
import { deliveryPersonSchema } from '#domain/delivery-persons/delivery-person.ts';
import { listDeliveryPersonsQuery } from '#domain/delivery-persons/list-delivery-persons.ts';
import { healthSchema } from '#domain/health/health.ts';
import { getParcelInvoiceQuery } from '#domain/invoices/get-parcel-invoice.ts';
import { invoiceLinkSchema } from '#domain/invoices/invoice-link.ts';
import { listPageSchema } from '#domain/list-page.ts';
import { listOrderItemsQuery } from '#domain/order-items/list-order-items.ts';
import { createOrderBody } from '#domain/orders/create-order.ts';
import { getOrderParams } from '#domain/orders/get-order.ts';
import { orderItemSchema, orderSchema } from '#domain/orders/order-types.ts';
import { createParcelBody } from '#domain/parcels/create-parcel.ts';
import { listParcelsQuery } from '#domain/parcels/list-parcels.ts';
import { parcelParams } from '#domain/parcels/parcel-params.ts';
import { parcelSchema } from '#domain/parcels/parcel-schemas.ts';
import { updateParcelStatusBody } from '#domain/parcels/update-parcel-status.ts';
import { putSellerBody } from '#domain/sellers/put-seller.ts';
import { sellerParams } from '#domain/sellers/seller-params.ts';
import { sellerSchema } from '#domain/sellers/seller.ts';
import { returnContracts } from './return-contracts.ts';
import type { RouteContract } from './route-contract.ts';

/** `GET /health` reads `deep` itself (anything but `true` is the cheap check): documented, not validated. */
const healthQuery = z.object({ deep: z.optional(z.enum(['true', 'false'])) });

/** The OpenAPI document itself: described by the OpenAPI 3.1 specification, not by a schema here. */
const openApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

const parcelAnswer = (status: number, description: string) => ({ status, description, body: parcelSchema });

export const routeContracts: Record<string, RouteContract> = {
  'GET /health': {
    summary: 'Liveness, or with deep=true each dependency',
    request: { query: healthQuery },
    responses: [
      { status: 200, description: 'The service (and with deep=true every dependency) is up.', body: healthSchema },
      { status: 503, description: 'deep=true and a dependency is down (safe to retry).', body: healthSchema },
    ],
  },

  'POST /orders': {
    summary: 'Ingest an order (idempotent on its id)',
    description: 'The same `id` with the same body answers 200 with the stored order; the same `id` with another body is 409.',
    request: { body: createOrderBody },
    responses: [
      { status: 201, description: 'The order was created.', body: orderSchema },
      { status: 200, description: 'An order with this id and the same body exists: the stored order.', body: orderSchema },
    ],
    errors: ['CONFLICT'],
  },
  'GET /orders/{orderId}': {
    summary: 'An order',
    description: 'admin: the whole order; customer: its own order; seller: the order with only its own items (404 when it has none there).',
    request: { params: getOrderParams },
    responses: [{ status: 200, description: 'The order as the caller may see it.', body: orderSchema }],
  },
  'GET /order-items': {
    summary: 'Order items (the seller panel’s Order Items tab), newest first',
    description: 'seller: its own items; admin: all (optional `sellerId`).',
    request: { query: listOrderItemsQuery },
    responses: [{ status: 200, description: 'One page of order items.', body: listPageSchema(orderItemSchema) }],
  },

  'POST /parcels': {
    summary: 'Pack order items into a parcel',
    description: 'Every item must be this seller’s item of this order (else 404), packable and in no other parcel (else 409). Atomic.',
    request: { body: createParcelBody },
    idempotencyKey: true,
    responses: [{ ...parcelAnswer(201, 'The parcel (status `received`).'), replayable: true }],
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  'GET /parcels': {
    summary: 'Parcels, newest first',
    description: 'seller: its own; admin: all (optional `sellerId`); delivery: assigned to it; customer: its orders’ parcels.',
    request: { query: listParcelsQuery },
    responses: [{ status: 200, description: 'One page of parcels.', body: listPageSchema(parcelSchema) }],
  },
  'GET /parcels/{parcelId}': {
    summary: 'A parcel with its items and events (View)',
    request: { params: parcelParams },
    responses: [parcelAnswer(200, 'The parcel as the caller may see it.')],
  },
  'DELETE /parcels/{parcelId}': {
    summary: 'Delete a parcel, releasing its items',
    description: 'Only while `received` or `processed` and without a live courier shipment (else 409).',
    request: { params: parcelParams },
    responses: [{ status: 204, description: 'Deleted; the items are released.' }],
    errors: ['CONFLICT'],
  },
  'POST /parcels/{parcelId}/status': {
    summary: 'Update a parcel’s status (local shipping)',
    description: 'A delivery person may only move its parcels to `out_for_delivery` or `delivered` (else 403). 409 with a live courier shipment or a move the state machine forbids.',
    request: { params: parcelParams, body: updateParcelStatusBody },
    responses: [parcelAnswer(200, 'The parcel after the move.')],
    errors: ['CONFLICT'],
  },
  'GET /parcels/{parcelId}/invoice': {
    summary: 'The parcel’s invoice: its number and a short-lived link to the PDF',
    description: 'The first call issues the invoice; later calls answer the same number and document.',
    request: { params: parcelParams, query: getParcelInvoiceQuery },
    responses: [{ status: 200, description: 'The invoice number and a link valid 15 minutes.', body: invoiceLinkSchema }],
    errors: ['CONFLICT'],
  },
  'POST /parcels/{parcelId}/shiprocket': {
    summary: 'Ship the parcel with Shiprocket (courier order, AWB, pickup)',
    description: 'Resumable: a retry after a partial failure continues, never creates a second courier order.',
    request: { params: parcelParams, body: createShiprocketShipmentBody },
    idempotencyKey: true,
    responses: [{ ...parcelAnswer(201, 'The parcel with its courier shipment.'), replayable: true }],
    errors: ['CONFLICT'],
  },
  'POST /parcels/{parcelId}/shiprocket/cancel': {
    summary: 'Cancel the parcel’s Shiprocket shipment (before pickup)',
    request: { params: parcelParams },
    responses: [parcelAnswer(200, 'The parcel with `courier.cancelledAt` set and `shippingMethod: null`.')],
    errors: ['CONFLICT'],
  },
  'POST /parcels/{parcelId}/shiprocket/refresh': {
    summary: 'Pull the latest courier tracking now',
    request: { params: parcelParams },
    responses: [parcelAnswer(200, 'The parcel after applying the tracking.')],
    errors: ['CONFLICT'],
  },

  'POST /webhooks/courier': {
    summary: 'Shiprocket’s tracking push',
    description: 'Authenticated by the `x-api-key` header (compared in constant time) before the body is read. Unknown AWBs are logged and ignored.',
    request: { body: courierWebhookBody },
    responses: [{ status: 200, description: 'Authenticated and parsed.', body: courierWebhookAnswerSchema }],
  },

  ...returnContracts,

  'PUT /sellers/{sellerId}': {
    summary: 'Create or replace a seller profile',
    request: { params: sellerParams, body: putSellerBody },
    responses: [
      { status: 201, description: 'The profile was created.', body: sellerSchema },
      { status: 200, description: 'The profile was replaced.', body: sellerSchema },
    ],
  },
  'GET /sellers/{sellerId}': {
    summary: 'A seller profile',
    description: 'A seller reads only its own (another seller’s is 404).',
    request: { params: sellerParams },
    responses: [{ status: 200, description: 'The profile.', body: sellerSchema }],
  },

  'POST /delivery-persons': {
    summary: 'Add a delivery person',
    request: { body: createDeliveryPersonBody },
    responses: [{ status: 201, description: 'The delivery person.', body: deliveryPersonSchema }],
    errors: ['CONFLICT'],
  },
  'GET /delivery-persons': {
    summary: 'Delivery persons',
    request: { query: listDeliveryPersonsQuery },
    responses: [{ status: 200, description: 'One page of delivery persons.', body: listPageSchema(deliveryPersonSchema) }],
  },

  'GET /openapi.json': {
    summary: 'This OpenAPI document',
    responses: [{ status: 200, description: 'The OpenAPI 3.1 document of this API.', body: openApiDocument }],
  },
  'GET /docs': {
    summary: 'The API reference, rendered (Swagger UI)',
    responses: [{ status: 200, description: 'An HTML page rendering /openapi.json.', mediaType: 'text/html' }],
  },
};

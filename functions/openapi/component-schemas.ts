import * as z from 'zod/mini';
import { courierExceptionSchema, courierScanSchema, courierShipmentSchema, parcelEventSchema, parcelSchema } from '#domain/parcels/parcel-schemas.ts';
import { deliveryPersonSchema } from '#domain/delivery-persons/delivery-person.ts';
import { dependencyHealthSchema, healthSchema } from '#domain/health/health.ts';
import { invoiceLinkSchema } from '#domain/invoices/invoice-link.ts';
import { returnEventSchema, returnSchema } from '#domain/returns/return-types.ts';
import { addressSchema, orderItemSchema, orderSchema } from '#domain/orders/order-types.ts';
import { sellerSchema } from '#domain/sellers/seller.ts';
import { errorBodySchema } from '#http/error-body.ts';

/** The response shapes named in the document (`#/components/schemas/<name>`): API.md's type names. */
export const COMPONENT_SCHEMAS: Record<string, z.ZodMiniType> = {
  Address: addressSchema,
  OrderItem: orderItemSchema,
  Order: orderSchema,
  ParcelEvent: parcelEventSchema,
  CourierScan: courierScanSchema,
  CourierException: courierExceptionSchema,
  CourierShipment: courierShipmentSchema,
  Parcel: parcelSchema,
  InvoiceLink: invoiceLinkSchema,
  ReturnEvent: returnEventSchema,
  Return: returnSchema,
  Seller: sellerSchema,
  DeliveryPerson: deliveryPersonSchema,
  DependencyHealth: dependencyHealthSchema,
  Health: healthSchema,
  Error: errorBodySchema,
};

export function componentRegistry() {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id });
  return registry;
}

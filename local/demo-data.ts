import { createDeliveryPerson } from '../functions/domain/delivery-persons/create-delivery-person.ts';
import { createOrder, type CreateOrderInput } from '../functions/domain/orders/create-order.ts';
import { createParcel } from '../functions/domain/parcels/create-parcel.ts';
import { updateParcelStatus } from '../functions/domain/parcels/update-parcel-status.ts';
import { createReturn } from '../functions/domain/returns/create-return.ts';
import { putSeller } from '../functions/domain/sellers/put-seller.ts';

const address = (name: string, city: string, state: string, postalCode: string, line1: string) => ({
  name, phone: '+91 98450 12345', line1, city, state, postalCode, country: 'India',
});

const asha = address('Asha Rao', 'Bengaluru', 'Karnataka', '560001', '12 MG Road');
const ravi = address('Ravi Menon', 'Kochi', 'Kerala', '682011', '4 Marine Drive');

const orders: CreateOrderInput[] = [
  {
    id: 'demo-order-1001', customerId: 'customer-asha', paymentMethod: 'prepaid', currency: 'INR', shippingAddress: asha,
    items: [
      { id: 'demo-item-1', sellerId: 'seller-aurora', productName: 'Handloom cotton saree', sku: 'AUR-SAR-001', variant: 'Indigo', quantity: 1, unitPrice: 249900, taxPercent: 5, hsn: '5208', returnable: true, returnWindowDays: 7 },
      { id: 'demo-item-2', sellerId: 'seller-aurora', productName: 'Silk stole', sku: 'AUR-STL-014', quantity: 2, unitPrice: 89900, taxPercent: 5, hsn: '6214', returnable: true, returnWindowDays: 7 },
      { id: 'demo-item-3', sellerId: 'seller-banyan', productName: 'Brass diya set', sku: 'BAN-DIY-003', quantity: 1, unitPrice: 129900, taxPercent: 12, hsn: '7418', returnable: false, returnWindowDays: 0 },
    ],
  },
  {
    id: 'demo-order-1002', customerId: 'customer-ravi', paymentMethod: 'cod', currency: 'INR', shippingAddress: ravi,
    items: [
      { id: 'demo-item-4', sellerId: 'seller-banyan', productName: 'Teak serving tray', sku: 'BAN-TRY-021', quantity: 1, unitPrice: 179900, taxPercent: 12, hsn: '4419', returnable: true, returnWindowDays: 10 },
      { id: 'demo-item-5', sellerId: 'seller-aurora', productName: 'Block-print cushion cover', sku: 'AUR-CUS-007', variant: 'Set of 2', quantity: 3, unitPrice: 49900, taxPercent: 12, hsn: '6304', returnable: true, returnWindowDays: 7 },
    ],
  },
  {
    id: 'demo-order-1003', customerId: 'customer-asha', paymentMethod: 'cod', currency: 'INR', shippingAddress: asha,
    items: [
      { id: 'demo-item-6', sellerId: 'seller-aurora', productName: 'Kalamkari table runner', sku: 'AUR-RUN-002', quantity: 1, unitPrice: 119900, taxPercent: 5, hsn: '6302', returnable: true, returnWindowDays: 7 },
      { id: 'demo-item-7', sellerId: 'seller-banyan', productName: 'Copper water bottle', sku: 'BAN-BOT-010', quantity: 2, unitPrice: 99900, taxPercent: 12, hsn: '7418', returnable: true, returnWindowDays: 7 },
    ],
  },
  {
    id: 'demo-order-1004', customerId: 'customer-ravi', paymentMethod: 'prepaid', currency: 'INR', shippingAddress: ravi,
    items: [
      { id: 'demo-item-8', sellerId: 'seller-aurora', productName: 'Ikat cotton kurta', sku: 'AUR-KUR-031', variant: 'Size M', quantity: 1, unitPrice: 159900, taxPercent: 5, hsn: '6211', returnable: true, returnWindowDays: 7 },
    ],
  },
];

/** Seeds the demo marketplace through the domain itself, so demo records look like real ones. */
export async function seedDemoData(): Promise<void> {
  await putSeller('seller-aurora', {
    name: 'Meera Iyer', storeName: 'Aurora Weaves', gstin: '29ABCDE1234F1Z5',
    address: address('Aurora Weaves', 'Bengaluru', 'Karnataka', '560034', '88 Koramangala 4th Block'), pickupLocation: 'Primary',
  });
  await putSeller('seller-banyan', {
    name: 'Farhan Qureshi', storeName: 'Banyan Home', address: address('Banyan Home', 'Jaipur', 'Rajasthan', '302001', '7 Johari Bazaar'),
  });
  await createDeliveryPerson({ id: 'dp-kiran', name: 'Kiran Kumar', phone: '+91 90000 11111' });
  await createDeliveryPerson({ id: 'dp-meena', name: 'Meena Das', phone: '+91 90000 22222' });
  for (const order of orders) await createOrder(order);
  const aurora = { role: 'seller' as const, id: 'seller-aurora' };
  await createParcel({ orderId: 'demo-order-1001', itemIds: ['demo-item-1', 'demo-item-2'] }, aurora);
  // A delivered parcel whose item the customer asked to return: the returns queue has something to show.
  const { parcel: delivered } = await createParcel({ orderId: 'demo-order-1004', itemIds: ['demo-item-8'] }, aurora);
  await updateParcelStatus(delivered.id, { status: 'shipped', deliveryPersonId: 'dp-kiran' }, aurora);
  await updateParcelStatus(delivered.id, { status: 'delivered' }, aurora);
  await createReturn({ orderItemId: 'demo-item-8', orderId: 'demo-order-1004', reason: 'Too tight at the shoulders.' }, { role: 'customer', id: 'customer-ravi' });
}

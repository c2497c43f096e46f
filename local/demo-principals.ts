/** Who the demo tokens are for; the ids match the seeded records. */
export const DEMO_PRINCIPALS = [
  { role: 'admin', sub: 'admin-1' },
  { role: 'seller', sub: 'seller-aurora' },
  { role: 'seller', sub: 'seller-banyan' },
  { role: 'customer', sub: 'customer-asha' },
  { role: 'delivery', sub: 'dp-kiran' },
  { role: 'system', sub: 'storefront' },
] as const;

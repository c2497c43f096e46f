const INDIAN_GROUPING = new Intl.NumberFormat('en-IN', { useGrouping: true });

/** 12345678 paise → "₹1,23,456.78" (Indian digit grouping, exact: no floating point). */
export function formatRupees(paise: number): string {
  const rupees = BigInt(Math.trunc(paise / 100));
  const remainder = String(Math.abs(paise % 100)).padStart(2, '0');
  return `${paise < 0 ? '-' : ''}₹${INDIAN_GROUPING.format(rupees < 0n ? -rupees : rupees)}.${remainder}`;
}

/** An integer with Indian digit grouping: 123456 → "1,23,456". */
export const formatIndianInteger = (value: number): string => INDIAN_GROUPING.format(value);

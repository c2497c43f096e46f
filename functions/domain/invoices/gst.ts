/**
 * GST on one invoice line, in integer paise. Rates are percentages with at most two decimals
 * (0.25, 1.5, 18), held as basis points (1 % = 100 bp) so that no step is floating point.
 * Rounding: to the paisa, half away from zero (amounts here are never negative, so half up).
 */
export type SupplyType = 'intra-state' | 'inter-state';

export interface LineTax {
  cgst: number;
  sgst: number;
  igst: number;
}

const BASIS_POINTS_PER_PERCENT = 100;
const WHOLE_IN_BASIS_POINTS = 100n * BigInt(BASIS_POINTS_PER_PERCENT);

/** 18 → 1800, 0.25 → 25; a rate with more than two decimals, or outside 0–100, throws. */
export function basisPointsOf(taxPercent: number): number {
  const basisPoints = Math.round(taxPercent * BASIS_POINTS_PER_PERCENT);
  const hasAtMostTwoDecimals = Math.abs(basisPoints - taxPercent * BASIS_POINTS_PER_PERCENT) < 1e-6;
  if (!Number.isFinite(taxPercent) || !hasAtMostTwoDecimals || basisPoints < 0 || basisPoints > 100 * BASIS_POINTS_PER_PERCENT) {
    throw new RangeError(`A GST rate must be a percentage from 0 to 100 with at most two decimals: ${taxPercent}`);
  }
  return basisPoints;
}

/**
 * Intra-state: CGST is the taxable value at half the rate, rounded; SGST is the line's GST minus
 * CGST, so the two always add up to the GST at the full rate. Inter-state: all of it is IGST.
 */
export function lineTaxOf(taxableValue: number, taxPercent: number, supplyType: SupplyType): LineTax {
  const basisPoints = BigInt(basisPointsOf(taxPercent));
  const gst = roundedShare(taxableValue, basisPoints, WHOLE_IN_BASIS_POINTS);
  if (supplyType === 'inter-state') return { cgst: 0, sgst: 0, igst: gst };
  const cgst = roundedShare(taxableValue, basisPoints, 2n * WHOLE_IN_BASIS_POINTS);
  return { cgst, sgst: gst - cgst, igst: 0 };
}

/** amount × numerator / denominator, rounded half away from zero. */
function roundedShare(amount: number, numerator: bigint, denominator: bigint): number {
  const product = BigInt(amount) * numerator;
  const sign = product < 0n ? -1n : 1n;
  return Number(sign * ((2n * sign * product + denominator) / (2n * denominator)));
}

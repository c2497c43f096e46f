const ONES = [
  '', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten',
  'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen',
];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** Indian numbering: crore = 1,00,00,000; lakh = 1,00,000. Larger amounts count crores ("One Lakh Crore"). */
const INDIAN_SCALES = [
  { size: 10_000_000, name: 'Crore' },
  { size: 100_000, name: 'Lakh' },
  { size: 1_000, name: 'Thousand' },
  { size: 100, name: 'Hundred' },
] as const;

/** 262450 paise → "Rupees Two Thousand Six Hundred Twenty-Four and Fifty Paise Only". */
export function amountInWords(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0) throw new RangeError(`Not an amount in paise: ${paise}`);
  const rupees = Math.floor(paise / 100);
  const remainder = paise % 100;
  const rupeesPart = `Rupees ${rupees === 0 ? 'Zero' : numberInWords(rupees)}`;
  const paisePart = remainder === 0 ? '' : ` and ${numberInWords(remainder)} ${remainder === 1 ? 'Paisa' : 'Paise'}`;
  return `${rupeesPart}${paisePart} Only`;
}

/** A positive integer in words, Indian style: 12345678 → "One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred Seventy-Eight". */
export function numberInWords(value: number): string {
  const words: string[] = [];
  let rest = value;
  for (const scale of INDIAN_SCALES) {
    if (rest < scale.size) continue;
    words.push(numberInWords(Math.floor(rest / scale.size)), scale.name);
    rest %= scale.size;
  }
  if (rest > 0) words.push(belowHundredInWords(rest));
  return words.join(' ');
}

function belowHundredInWords(value: number): string {
  if (value < ONES.length) return ONES[value]!;
  const ones = value % 10;
  return `${TENS[Math.floor(value / 10)]}${ones === 0 ? '' : `-${ONES[ones]}`}`;
}

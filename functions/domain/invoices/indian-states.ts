/** States and union territories with their GST state codes, and the abbreviations addresses often use. */
const STATES: ReadonlyArray<{ name: string; gstCode: string; aliases: readonly string[] }> = [
  { name: 'Jammu and Kashmir', gstCode: '01', aliases: ['JK'] },
  { name: 'Himachal Pradesh', gstCode: '02', aliases: ['HP'] },
  { name: 'Punjab', gstCode: '03', aliases: ['PB'] },
  { name: 'Chandigarh', gstCode: '04', aliases: ['CH'] },
  { name: 'Uttarakhand', gstCode: '05', aliases: ['UK', 'UT', 'Uttaranchal'] },
  { name: 'Haryana', gstCode: '06', aliases: ['HR'] },
  { name: 'Delhi', gstCode: '07', aliases: ['DL', 'NCT of Delhi', 'National Capital Territory of Delhi'] },
  { name: 'Rajasthan', gstCode: '08', aliases: ['RJ'] },
  { name: 'Uttar Pradesh', gstCode: '09', aliases: ['UP'] },
  { name: 'Bihar', gstCode: '10', aliases: ['BR'] },
  { name: 'Sikkim', gstCode: '11', aliases: ['SK'] },
  { name: 'Arunachal Pradesh', gstCode: '12', aliases: ['AR'] },
  { name: 'Nagaland', gstCode: '13', aliases: ['NL'] },
  { name: 'Manipur', gstCode: '14', aliases: ['MN'] },
  { name: 'Mizoram', gstCode: '15', aliases: ['MZ'] },
  { name: 'Tripura', gstCode: '16', aliases: ['TR'] },
  { name: 'Meghalaya', gstCode: '17', aliases: ['ML'] },
  { name: 'Assam', gstCode: '18', aliases: ['AS'] },
  { name: 'West Bengal', gstCode: '19', aliases: ['WB'] },
  { name: 'Jharkhand', gstCode: '20', aliases: ['JH'] },
  { name: 'Odisha', gstCode: '21', aliases: ['OD', 'OR', 'Orissa'] },
  { name: 'Chhattisgarh', gstCode: '22', aliases: ['CG', 'CT'] },
  { name: 'Madhya Pradesh', gstCode: '23', aliases: ['MP'] },
  { name: 'Gujarat', gstCode: '24', aliases: ['GJ'] },
  { name: 'Dadra and Nagar Haveli and Daman and Diu', gstCode: '26', aliases: ['DH', 'DN', 'DD', 'Daman and Diu', 'Dadra and Nagar Haveli'] },
  { name: 'Maharashtra', gstCode: '27', aliases: ['MH'] },
  { name: 'Karnataka', gstCode: '29', aliases: ['KA'] },
  { name: 'Goa', gstCode: '30', aliases: ['GA'] },
  { name: 'Lakshadweep', gstCode: '31', aliases: ['LD'] },
  { name: 'Kerala', gstCode: '32', aliases: ['KL'] },
  { name: 'Tamil Nadu', gstCode: '33', aliases: ['TN'] },
  { name: 'Puducherry', gstCode: '34', aliases: ['PY', 'Pondicherry'] },
  { name: 'Andaman and Nicobar Islands', gstCode: '35', aliases: ['AN'] },
  { name: 'Telangana', gstCode: '36', aliases: ['TG', 'TS'] },
  { name: 'Andhra Pradesh', gstCode: '37', aliases: ['AP'] },
  { name: 'Ladakh', gstCode: '38', aliases: ['LA'] },
];

export interface IndianState {
  /** The state's name, or the address's own spelling (trimmed) when it is not a known state. */
  name: string;
  gstCode: string | null;
}

const keyOf = (state: string): string => state.trim().replace(/\s*&\s*/g, ' and ').replace(/\s+/g, ' ').toLowerCase();

const STATE_BY_KEY = new Map(
  STATES.flatMap((state) => [state.name, ...state.aliases].map((spelling) => [keyOf(spelling), state] as const)),
);

/** "karnataka ", "KA" → Karnataka (29); an unknown spelling stays as written, without a code. */
export function indianStateOf(state: string): IndianState {
  const known = STATE_BY_KEY.get(keyOf(state));
  return known ? { name: known.name, gstCode: known.gstCode } : { name: state.trim(), gstCode: null };
}

/** Compared as states, not as strings: case, spacing, "&" and the usual abbreviations do not matter. */
export function isSameState(a: string, b: string): boolean {
  return keyOf(indianStateOf(a).name) === keyOf(indianStateOf(b).name);
}

import { statusWords } from '../format.tsx';

/** A labelled choice of statuses, in words; `anyLabel` adds a first "no filter" choice. */
export function StatusSelect<S extends string>({ label, value, statuses, anyLabel, required, onChange }: { label: string; value: S | ''; statuses: readonly S[]; anyLabel?: string; required?: boolean; onChange: (status: S | '') => void }) {
  return (
    <label>
      {label}
      <select value={value} required={required} onChange={(event) => onChange(event.currentTarget.value as S | '')}>
        {anyLabel && <option value="">{anyLabel}</option>}
        {statuses.map((status) => (
          <option key={status} value={status}>
            {statusWords(status)}
          </option>
        ))}
      </select>
    </label>
  );
}

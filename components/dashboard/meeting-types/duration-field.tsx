import { type ReactNode, useId } from 'react';
import { FieldFrame, fieldControlProps } from '@/components/ui/field';
import fieldStyles from '@/components/ui/field.module.css';
import { unitName } from '@/lib/booking/change-policy';
import { type DurationFieldName, durationFields } from '@/lib/hosts/meeting-types/limits';
import type { DurationValue } from './form-values';
import styles from './meeting-type-form.module.css';

interface Props {
  name: DurationFieldName;
  label: string;
  value: DurationValue;
  onChange: (value: DurationValue) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/**
 * A duration as a number and a unit: a labelled number input (`name`) and a labelled select
 * (`nameUnit`); the server converts to the stored unit. Hint and error are tied to the number.
 */
export function DurationField({ name, label, value, onChange, hint, error, optional }: Props) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} optional={optional}>
      <div className={styles.duration}>
        <input
          {...fieldControlProps(id, error, hint)}
          name={name}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={value.amount}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
        />
        <select
          name={`${name}Unit`}
          aria-label={`${label}: unit`}
          className={fieldStyles.control}
          value={value.unit}
          onChange={(event) => onChange({ ...value, unit: event.target.value as DurationValue['unit'] })}
        >
          {durationFields[name].units.map((unit) => (
            <option key={unit} value={unit}>
              {unitName(unit)}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

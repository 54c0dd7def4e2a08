'use client';

import { useMemo } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, FieldError, useFilter } from 'react-aria-components';
import fieldStyles from './field.module.css';
import styles from './combobox.module.css';

// A searchable time-zone picker (type "berl" to find Europe/Berlin), built on react-aria-components
// so focus, keyboard and screen-reader behaviour come from a maintained library. Submits the zone's
// IANA name under `name` in forms.

interface ZoneOption {
  id: string;
  label: string;
}

function offsetLabel(timeZone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

function zoneOptions(current: string): ZoneOption[] {
  const zones = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  if (current) zones.add(current);
  const now = new Date();
  return [...zones].sort().map((zone) => ({ id: zone, label: `${zone.replaceAll('_', ' ')} (${offsetLabel(zone, now)})` }));
}

interface Props {
  label?: string;
  name?: string;
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  hint?: string;
}

export function TimeZoneCombobox({ label = 'Time zone', name, value, onChange, error, hint }: Props) {
  const options = useMemo(() => zoneOptions(value), [value]);
  const { contains } = useFilter({ sensitivity: 'base' });
  return (
    <ComboBox
      className={fieldStyles.field}
      name={name}
      formValue="key"
      selectedKey={value || null}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      defaultItems={options}
      defaultFilter={(text, input) => contains(text, input.replaceAll(' ', '_')) || contains(text, input)}
      menuTrigger="focus"
      isInvalid={Boolean(error)}
    >
      <Label className={fieldStyles.label}>{label}</Label>
      <Input className={fieldStyles.control} />
      {hint ? (
        <Text slot="description" className={fieldStyles.hint}>
          {hint}
        </Text>
      ) : null}
      <FieldError className={fieldStyles.error}>{error}</FieldError>
      <Popover className={styles.popover} placement="bottom start">
        <ListBox<ZoneOption> className={styles.list}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className={styles.option}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

'use client';

import { useMemo, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, FieldError, useFilter } from 'react-aria-components';
import fieldStyles from './field.module.css';
import styles from './combobox.module.css';
import { timeZoneLabel } from './time-zone-label';

// A searchable time-zone picker (type "berl" to find Europe/Berlin), built on react-aria-components
// so focus, keyboard and screen-reader behaviour come from a maintained library. Submits the zone's
// IANA name under `name` in forms.

interface ZoneOption {
  id: string;
  label: string;
}

const zoneOption = (zone: string, at: Date): ZoneOption => ({ id: zone, label: timeZoneLabel(zone, at) });

function zoneOptions(current: string): ZoneOption[] {
  const zones = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  if (current) zones.add(current);
  const now = new Date();
  return [...zones].sort().map((zone) => zoneOption(zone, now));
}

export interface TimeZoneComboboxProps {
  label?: string;
  name?: string;
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  hint?: string;
}

export function TimeZoneCombobox({ label = 'Time zone', name, value, onChange, error, hint }: TimeZoneComboboxProps) {
  // ~400 offset labels (an Intl formatter each) and list items cost 100+ ms on a slow device, on the
  // booking page before its first times show: the full list is built when the field is first focused.
  const [listWanted, setListWanted] = useState(false);
  const options = useMemo(() => (listWanted ? zoneOptions(value) : value ? [zoneOption(value, new Date())] : []), [listWanted, value]);
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
      onFocus={() => setListWanted(true)}
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

'use client';

import { lazy, Suspense } from 'react';
import fieldStyles from './field.module.css';
import type { TimeZoneComboboxProps } from './time-zone-combobox';
import { timeZoneLabel } from './time-zone-label';

// The searchable time-zone field's library (react-aria) is most of a public page's script. Loaded on
// its own, it no longer holds back hydration: the page works at once, and the field follows, shown
// meanwhile as its label and value, at the same size.

const TimeZoneCombobox = lazy(() => import('./time-zone-combobox').then((module) => ({ default: module.TimeZoneCombobox })));

function TimeZoneFieldPlaceholder({ label = 'Time zone', value }: Pick<TimeZoneComboboxProps, 'label' | 'value'>) {
  return (
    <div className={fieldStyles.field}>
      <span className={fieldStyles.label}>{label}</span>
      <div className={fieldStyles.control}>{value ? timeZoneLabel(value, new Date()) : '\u00a0'}</div>
    </div>
  );
}

export function LazyTimeZoneCombobox(props: TimeZoneComboboxProps) {
  return (
    <Suspense fallback={<TimeZoneFieldPlaceholder label={props.label} value={props.value} />}>
      <TimeZoneCombobox {...props} />
    </Suspense>
  );
}

'use client';

import { Checkbox } from '@/components/ui/checkbox';
import { TextAreaField, TextField } from '@/components/ui/field';
import fieldStyles from '@/components/ui/field.module.css';
import { MAX_NAME_LENGTH } from '@/lib/hosts/meeting-types/limits';
import { MAX_SLUG_LENGTH } from '@/lib/hosts/meeting-types/slug';
import { useSlugFromName } from '../use-slug-from-name';
import { DurationField } from './duration-field';
import type { DurationProps, MeetingTypeFormValues } from './form-values';
import styles from './meeting-type-form.module.css';

type Errors = Record<string, string> | undefined;

/**
 * Name, address, description, length, place and colour. The slug follows the name until edited;
 * `pagePath` is the booking page it goes under (`/{username}` or `/team/{slug}`).
 */
export function BasicsFields({ initial, pagePath, errors, durations, onDuration }: { initial: MeetingTypeFormValues; pagePath: string; errors: Errors } & DurationProps) {
  const { slug, nameProps, slugProps } = useSlugFromName(initial.slug);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>What it is</legend>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={MAX_NAME_LENGTH}
        defaultValue={initial.name}
        {...nameProps}
        error={errors?.name}
      />
      <TextField
        label="URL slug"
        name="slug"
        required
        maxLength={MAX_SLUG_LENGTH}
        autoCapitalize="none"
        spellCheck={false}
        {...slugProps}
        hint={`${pagePath.startsWith('/team/') ? 'The team’s' : 'Your'} booking page: ${pagePath}/${slug || 'your-slug'}. Letters a–z, digits and hyphens.`}
        error={errors?.slug}
      />
      <TextAreaField label="Description" name="description" optional maxLength={5000} defaultValue={initial.description} error={errors?.description} />
      <div className={styles.fieldRow}>
        <DurationField label="Duration" name="durationMinutes" value={durations.durationMinutes} onChange={onDuration('durationMinutes')} error={errors?.durationMinutes} />
        <TextField
          label="Colour"
          name="color"
          type="color"
          className={`${fieldStyles.control} ${styles.colorInput}`}
          defaultValue={initial.color.toLowerCase()}
          error={errors?.color}
        />
      </div>
      <TextField label="Location" name="location" optional maxLength={500} defaultValue={initial.location} hint="An address, a phone number or a video link." error={errors?.location} />
      <Checkbox
        name="addVideoLink"
        label="Add a video link"
        hint="Each booking on your calendar gets a Google Meet or Microsoft Teams link (with a connected calendar)."
        defaultChecked={initial.addVideoLink}
      />
    </fieldset>
  );
}

'use client';

import { useState } from 'react';
import { TextAreaField, TextField } from '@/components/ui/field';
import fieldStyles from '@/components/ui/field.module.css';
import { MAX_NAME_LENGTH } from '@/lib/hosts/meeting-types/limits';
import { MAX_SLUG_LENGTH, slugFromName } from '@/lib/hosts/meeting-types/slug';
import type { MeetingTypeFormValues } from './form-values';
import styles from './meeting-type-form.module.css';

type Errors = Record<string, string> | undefined;

/** Name, address, description, length, place and colour. The slug follows the name until edited. */
export function BasicsFields({ initial, username, errors }: { initial: MeetingTypeFormValues; username: string; errors: Errors }) {
  const [slug, setSlug] = useState(initial.slug);
  const [slugEdited, setSlugEdited] = useState(initial.slug !== '');
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>What it is</legend>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={MAX_NAME_LENGTH}
        defaultValue={initial.name}
        onChange={(event) => !slugEdited && setSlug(slugFromName(event.target.value))}
        error={errors?.name}
      />
      <TextField
        label="URL slug"
        name="slug"
        required
        maxLength={MAX_SLUG_LENGTH}
        autoCapitalize="none"
        spellCheck={false}
        value={slug}
        onChange={(event) => {
          setSlug(event.target.value);
          setSlugEdited(true);
        }}
        hint={`Your booking page: /${username}/${slug || 'your-slug'}. Letters a–z, digits and hyphens.`}
        error={errors?.slug}
      />
      <TextAreaField label="Description" name="description" optional maxLength={5000} defaultValue={initial.description} error={errors?.description} />
      <div className={styles.fieldRow}>
        <TextField label="Duration (minutes)" name="durationMinutes" type="number" inputMode="numeric" min={1} max={1440} required defaultValue={initial.durationMinutes} error={errors?.durationMinutes} />
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
      <label className={styles.checkbox}>
        <input type="checkbox" name="addVideoLink" defaultChecked={initial.addVideoLink} />
        <span>
          <span className={styles.checkboxLabel}>Add a video link</span>
          <span className={styles.checkboxHint}>Each booking on your calendar gets a Google Meet or Microsoft Teams link (with a connected calendar).</span>
        </span>
      </label>
    </fieldset>
  );
}

import styles from './checkbox.module.css';

/** A native checkbox with its label and a hint inside the label (so both name it); `value` ("on") when ticked. */
export function Checkbox({ name, label, hint, defaultChecked, value }: { name: string; label: string; hint?: string; defaultChecked?: boolean; value?: string }) {
  return (
    <label className={styles.checkbox}>
      <input type="checkbox" name={name} value={value} defaultChecked={defaultChecked} />
      <span>
        <span className={styles.label}>{label}</span>
        {hint ? <span className={styles.hint}>{hint}</span> : null}
      </span>
    </label>
  );
}

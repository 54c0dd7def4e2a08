import { Button } from '@/components/ui/button';
import { DialogActions } from '@/components/ui/modal-dialog';

/** Cancel and submit at the foot of an availability dialog; neither can be pressed while it saves. */
export function DialogButtons({ pending, submitLabel, onCancel }: { pending: boolean; submitLabel: string; onCancel: () => void }) {
  return (
    <DialogActions>
      <Button variant="secondary" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </DialogActions>
  );
}

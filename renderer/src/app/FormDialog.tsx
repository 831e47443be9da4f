import { Button, Dialog, DialogBody, DialogFooter, type Intent, type MaybeElement } from '@blueprintjs/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from './ErrorCallout';

/** One write from a form: busy while it runs, its error kept for the callout, then `onDone`. */
export function useSubmit<T>(action: () => Promise<T>, onDone: (result: T) => void = () => undefined) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await action());
    } catch (err) {
      setError(err);
    }
    // Also after success: a dialog that stays open (to write again) must be usable again.
    setBusy(false);
  };
  return { busy, error, submit };
}

interface FormDialogProps {
  title: string;
  icon: MaybeElement;
  onClose(): void;
  /** The primary button; Enter submits too, but only when `ready`. */
  submitText: string;
  submitIntent?: Intent;
  ready: boolean;
  busy: boolean;
  error: unknown;
  onSubmit(): void;
  children: ReactNode;
}

/** The dialog every small create/confirm form uses: fields, the core's error, Cancel and submit. */
export function FormDialog({ title, icon, onClose, submitText, submitIntent = 'primary', ready, busy, error, onSubmit, children }: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog isOpen onClose={onClose} title={title} icon={icon} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) onSubmit();
        }}
      >
        <DialogBody>
          {children}
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent={submitIntent} text={submitText} disabled={!ready} loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}

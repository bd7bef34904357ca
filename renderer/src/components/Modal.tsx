import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  labelId: string;
}

/** A native modal <dialog>: focus is trapped, Escape closes it, and focus returns to the opener after. */
export function Modal({ title, onClose, children, labelId }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // Focus goes back where it came from when the dialog closes (React unmounts it, so the browser cannot).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      const back = opener?.isConnected ? opener : document.getElementById('main');
      setTimeout(() => back?.focus(), 0);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={labelId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={labelId}>{title}</h2>
      {children}
    </dialog>
  );
}

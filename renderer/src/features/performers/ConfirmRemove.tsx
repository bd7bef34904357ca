import { useTranslation } from 'react-i18next';
import type { Performer } from '../../api/client';
import { Modal } from '../../components/Modal';

/** Asks before a performer is removed. */
export function ConfirmRemove({ performer, onAnswer }: { performer: Performer; onAnswer: (yes: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('confirm.removeTitle')} labelId="confirm-remove-title" onClose={() => onAnswer(false)}>
      <p>{t('confirm.removeBody', { name: performer.name })}</p>
      <div className="actions">
        <button type="button" autoFocus onClick={() => onAnswer(false)}>
          {t('form.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => onAnswer(true)}>
          {t('confirm.removeConfirm')}
        </button>
      </div>
    </Modal>
  );
}

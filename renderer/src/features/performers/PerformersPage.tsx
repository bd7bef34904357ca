import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { Performer, PerformerOverview } from '../../api/client';
import { useAppStore } from '../../app/store';
import { ConfirmRemove } from './ConfirmRemove';
import { PerformerForm } from './PerformerForm';
import { usePerformers } from './usePerformers';
import { useCall } from '../../api/useCall';
import { formatSeconds } from '../../lib/bands';

/** Voiceprint and reference readiness of one performer, in words and a tag colour. */
function PerformerStatus({ o }: { o: PerformerOverview | undefined }) {
  const { t } = useTranslation();
  if (!o) return null;
  const vp = o.voiceprint === 'ready' ? 'hasVoiceprint' : o.voiceprint === 'stale' ? 'staleVoiceprint' : 'noVoiceprint';
  return (
    <span className="status-cell">
      <span className={o.voiceprint === 'ready' ? 'tag ok' : 'tag warn'}>{t(`performers2.${vp}`)}</span>{' '}
      <span className="small muted">
        {t('performers2.references', { count: o.references })} · {formatSeconds(o.speechSeconds)}
      </span>
      {o.weakReferences > 0 && <span className="tag warn">{t('performers2.weakCount', { count: o.weakReferences })}</span>}
    </span>
  );
}

/** The performers list: add, edit, remove, with an empty state that says what to do next. */
export function PerformersPage() {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const openPerformer = useAppStore((s) => s.openPerformer);
  const { performers, error, reload: reloadList } = usePerformers();
  const { value: overview, reload: reloadOverview } = useCall('performers.overview', {});
  const reload = async () => {
    await Promise.all([reloadList(), reloadOverview()]);
  };
  const status = new Map((overview ?? []).map((o) => [o.performerId, o]));
  const [editing, setEditing] = useState<Performer | 'new' | null>(null);
  const [removing, setRemoving] = useState<Performer | null>(null);

  async function remove(p: Performer) {
    const res = await call('performers.remove', { id: p.id });
    if (res.ok) notify('success', t('confirm.removed', { name: p.name }));
    else notify('error', errorText(t, { code: res.error.code, message: res.error.message }));
    await reload();
  }

  return (
    <section aria-labelledby="performers-title" className="page">
      <header className="page-header">
        <h1 id="performers-title">{t('performers.title')}</h1>
        {performers && performers.length > 0 && (
          <span className="muted">{t('performers.count', { count: performers.length })}</span>
        )}
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('performers.add')}
        </button>
      </header>

      {error && (
        <p className="error-banner" role="alert">
          {t('performers.loadFailed', { message: errorText(t, error) })}
        </p>
      )}

      {performers && performers.length === 0 && (
        <div className="empty-state" data-testid="performers-empty">
          <h2>{t('performers.emptyTitle')}</h2>
          <p>{t('performers.emptyBody')}</p>
        </div>
      )}

      {performers && performers.length > 0 && (
        <table className="data-table" data-testid="performers-table">
          <thead>
            <tr>
              <th scope="col">{t('performers.columns.name')}</th>
              <th scope="col">{t('performers.columns.kana')}</th>
              <th scope="col">{t('performers.columns.romaji')}</th>
              <th scope="col">{t('performers.columns.agency')}</th>
              <th scope="col">{t('performers2.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('performers.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {performers.map((p) => (
              <tr key={p.id} data-performer-id={p.id}>
                <td>{p.name}</td>
                <td>{p.kana}</td>
                <td>{p.romaji}</td>
                <td>{p.agency}</td>
                <td data-testid="performer-status">
                  <PerformerStatus o={status.get(p.id)} />
                </td>
                <td>
                  <div className="row-actions">
                  <button type="button" onClick={() => openPerformer(p.id)} aria-label={`${t('detail.open')}: ${p.name}`}>
                    {t('detail.open')}
                  </button>
                  <button type="button" onClick={() => setEditing(p)} aria-label={`${t('performers.edit')}: ${p.name}`}>
                    {t('performers.edit')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setRemoving(p)}
                    aria-label={`${t('performers.remove')}: ${p.name}`}
                  >
                    {t('performers.remove')}
                  </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {editing && (
        <PerformerForm
          performer={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) void reload();
          }}
        />
      )}
      {removing && (
        <ConfirmRemove
          performer={removing}
          onAnswer={(yes) => {
            const p = removing;
            setRemoving(null);
            if (yes) void remove(p);
          }}
        />
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { CaseDetail } from './CaseDetail';
import { AdvocacyCard } from '../letters/AdvocacyCard';
import { DueList } from '../letters/DueList';

/** Cases (takedown matters) and the audit-log check. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const caseId = useAppStore((s) => s.caseId);
  const openCase = useAppStore((s) => s.openCase);
  const { value: cases, error } = useCall('cases.list', {}, [caseId]);
  const [audit, setAudit] = useState<string | null>(null);

  async function verifyAudit() {
    const res = await call('audit.verify', {});
    if (!res.ok) return setAudit(errorText(t, res.error));
    const v = res.value;
    setAudit(v.ok ? t('cases.auditOk', { count: v.count }) : t('cases.auditBroken', { at: v.brokenAt, reason: v.reason }));
  }

  if (caseId) return <CaseDetail id={caseId} />;
  return (
    <section className="page" aria-labelledby="cases-title">
      <header className="page-header">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <div className="header-actions">
          <button type="button" onClick={() => void verifyAudit()}>
            {t('cases.audit')}
          </button>
        </div>
      </header>
      {audit && <p className="info-banner" role="status">{audit}</p>}
      {error && <p className="error-banner" role="alert">{errorText(t, error)}</p>}
      {cases && cases.length === 0 && (
        <div className="empty-state">
          <h2>{t('cases.emptyTitle')}</h2>
          <p>{t('cases.emptyBody')}</p>
        </div>
      )}
      {cases && cases.length > 0 && (
        <table className="data-table" data-testid="cases-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.columns.title')}</th>
              <th scope="col">{t('cases.columns.status')}</th>
              <th scope="col">{t('cases.columns.performers')}</th>
              <th scope="col">{t('cases.columns.suspects')}</th>
              <th scope="col">{t('cases.columns.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" className="link" onClick={() => openCase(c.id)}>
                    {c.title}
                  </button>
                </td>
                <td>{t(`cases.status.${c.status}`)}</td>
                <td>{c.performers.map((p) => p.name).join('、')}</td>
                <td>{c.suspects.map((s) => s.label).join('、')}</td>
                <td className="small muted">{formatDateTime(c.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="spaced">
        <DueList />
        <AdvocacyCard />
      </div>
    </section>
  );
}

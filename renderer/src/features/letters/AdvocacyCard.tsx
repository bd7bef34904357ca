import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import { downloadBytes } from '../../lib/download';

/** Requests, response times and outcomes per platform and period (for ministry hearings). */
export function AdvocacyCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const notify = useAppStore((s) => s.notify);
  const [period, setPeriod] = useState<'month' | 'quarter' | 'year'>('month');
  const { value } = useCall('reports.advocacy', { period, format: 'json', lang });
  const rows = value?.report.rows ?? [];
  const max = Math.max(1, ...rows.map((r) => r.sent));

  async function exportAs(format: 'csv' | 'pdf') {
    const res = await call('reports.advocacy', { period, format, lang });
    if (!res.ok) return notify('error', errorText(t, res.error));
    if (res.value.bytes && res.value.fileName)
      downloadBytes(res.value.bytes as Uint8Array<ArrayBuffer>, res.value.fileName, format === 'pdf' ? 'application/pdf' : 'text/csv;charset=utf-8');
  }
  return (
    <div className="card" data-testid="advocacy">
      <h2>{t('letters.advocacy')}</h2>
      <div className="toolbar">
        <label>
          {t('letters.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as 'month' | 'quarter' | 'year')}>
            {(['month', 'quarter', 'year'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`letters.periods.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('letters.csv')}
        </button>
        <button type="button" onClick={() => void exportAs('pdf')}>
          {t('letters.pdf')}
        </button>
      </div>
      {rows.length === 0 && <p className="muted">{t('letters.none')}</p>}
      {rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('letters.columns.period')}</th>
              <th scope="col">{t('letters.columns.platform')}</th>
              <th scope="col">{t('letters.columns.sent')}</th>
              <th scope="col" className="num">{t('letters.columns.responded')}</th>
              <th scope="col" className="num">{t('letters.columns.median')}</th>
              <th scope="col" className="num">{t('letters.columns.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.period}-${r.platformId}`}>
                <td>{r.period}</td>
                <td>{r.platformName}</td>
                <td>
                  <span className="bar" style={{ width: `${(100 * r.sent) / max}%` }} aria-hidden="true" /> {r.sent}
                </td>
                <td className="num">{r.responded}</td>
                <td className="num">{r.medianResponseHours === null ? '—' : t('letters.hours', { h: r.medianResponseHours.toFixed(0) })}</td>
                <td className="num">{r.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

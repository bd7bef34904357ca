import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { call } from '../../api/client';
import type { VerdictBandSetting } from '../../api/client';
import { useAppStore } from '../../app/store';
import { bandColour } from '../../lib/bands';

/** Thresholds of the verdict bands (defaults follow the union's: ≥ 90 % very high). */
export function BandsEditor({ bands: initial, onSaved }: { bands: VerdictBandSetting[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [bands, setBands] = useState(initial);
  const set = (i: number, patch: Partial<VerdictBandSetting>) => setBands((b) => b.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  async function save() {
    const res = await call('settings.update', { bands });
    if (res.ok) {
      notify('success', t('settings.saved'));
      onSaved();
    } else notify('error', errorText(t, res.error));
  }

  return (
    <div className="bands-editor">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.minPercent')}</th>
            <th scope="col">{t('errorFields.labelJa')}</th>
            <th scope="col">{t('errorFields.labelEn')}</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b, i) => (
            <tr key={b.key}>
              <td>
                <span className="swatch" style={{ background: bandColour(b.key) }} aria-hidden="true" />
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  value={b.minPercent}
                  aria-label={`${t('settings.minPercent')} (${i18n.language === 'en' ? b.labelEn : b.labelJa})`}
                  onChange={(e) => set(i, { minPercent: Number(e.target.value) })}
                />
              </td>
              <td>
                <input type="text" value={b.labelJa} aria-label={`${t('errorFields.labelJa')} (${b.labelJa})`} onChange={(e) => set(i, { labelJa: e.target.value })} />
              </td>
              <td>
                <input type="text" value={b.labelEn} aria-label={`${t('errorFields.labelEn')} (${b.labelJa})`} onChange={(e) => set(i, { labelEn: e.target.value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" onClick={() => void save()}>
        {t('settings.save')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { useAppStore } from '../../app/store';
import type { Language } from '../../i18n';
import { BandsEditor } from './BandsEditor';
import { EvidenceSection } from './EvidenceSection';
import { ModelsSection } from './ModelsSection';
import { PopulationSection } from './PopulationSection';
import { RequesterForm } from '../letters/RequesterForm';

/** Models, data folder, language and verdict thresholds. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { value: info } = useCall('app.info', {});
  const { value: settings, reload } = useCall('settings.get', {});
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="card">
        <h2>{t('settings.models')}</h2>
        <ModelsSection />
      </div>
      <div className="card">
        <h2>{t('population.title')}</h2>
        <PopulationSection />
      </div>
      <div className="card">
        <h2>{t('evidence.settings.title')}</h2>
        <EvidenceSection />
      </div>
      <div className="two-columns">
        <div className="card">
          <h2>{t('settings.bands')}</h2>
          {settings && <BandsEditor key={JSON.stringify(settings.bands)} bands={settings.bands} onSaved={() => void reload()} />}
        </div>
        <div className="card">
          <h2>{t('settings.dataFolder')}</h2>
          <dl className="facts">
            <dt>{t('settings.dataFolder')}</dt>
            <dd>
              <code>{info?.dataDir}</code>
            </dd>
            <dt>{t('settings.version')}</dt>
            <dd>{info?.version}</dd>
            <dt>{t('settings.schema')}</dt>
            <dd>{info?.schemaVersion}</dd>
          </dl>
          <h2>{t('letters.requester')}</h2>
          <RequesterForm />
          <label className="field">
            {t('settings.language')}
            <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              <option value="ja">日本語</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </div>
    </section>
  );
}

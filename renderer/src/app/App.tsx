import { useEffect, useRef } from 'react';
import { focusPageHeading } from '../lib/focus';
import { useTranslation } from 'react-i18next';
import { Notices } from '../components/Notices';
import { PerformersPage } from '../features/performers/PerformersPage';
import { PerformerDetailPage } from '../features/performers/PerformerDetailPage';
import { SuspectsPage } from '../features/suspects/SuspectsPage';
import { ScreeningPage } from '../features/screening/ScreeningPage';
import { ComparePage } from '../features/compare/ComparePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { CasesPage } from '../features/cases/CasesPage';
import type { Page } from './store';
import type { Language } from '../i18n';
import { useAppStore } from './store';

/** The shell: navigation, language toggle, the current page and notices. */
export function App() {
  const { t, i18n } = useTranslation();
  const page = useAppStore((s) => s.page);
  const setPage = useAppStore((s) => s.setPage);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const performerId = useAppStore((s) => s.performerId);
  const nav: [Page, string][] = [
    ['performers', t('nav.performers')],
    ['suspects', t('nav2.suspects')],
    ['screening', t('nav2.screening')],
    ['compare', t('nav2.compare')],
    ['cases', t('nav2.cases')],
    ['settings', t('nav2.settings')],
  ];

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  const caseId = useAppStore((s) => s.caseId);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page or detail view takes focus to its heading (not on the very first paint).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!main.current) return;
    return focusPageHeading(main.current);
  }, [page, performerId, caseId]);

  useEffect(() => {
    document.body.dataset.appReady = 'true'; // e2e specs wait on this, never on sleeps
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('skip.toContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            声
          </span>
          <div>
            <div className="brand-name">{t('app.title')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          {nav.map(([key, label]) => (
            <button
              key={key}
              type="button"
              className={page === key ? 'nav-item active' : 'nav-item'}
              aria-current={page === key ? 'page' : undefined}
              onClick={() => setPage(key)}
            >
              {label}
            </button>
          ))}
        </nav>
        <label className="language">
          <span>{t('language.label')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="ja">{t('language.ja')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
      </aside>
      <main className="content" id="main" tabIndex={-1} ref={main}>
        <Notices />
        {page === 'performers' && (performerId ? <PerformerDetailPage id={performerId} /> : <PerformersPage />)}
        {page === 'suspects' && <SuspectsPage />}
        {page === 'screening' && <ScreeningPage />}
        {page === 'compare' && <ComparePage />}
        {page === 'cases' && <CasesPage />}
        {page === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}

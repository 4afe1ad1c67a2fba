import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { OfflineNotice } from '../components/offline-notice';
import { LANGUAGES, loadPlayerStrings, type Language, useTranslation } from '../lib/i18n';
import { loadOutbox, outboxStatus } from '../lib/offline/offline-store';
import { useSession } from '../lib/session';

/** The header (brand, language, sign-out) and the main landmark around every page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();

  async function signOut() {
    // Answers still on this phone are sent first if the connection allows; signing out deletes what is left.
    if (outboxStatus.get().waiting > 0) await (await loadOutbox()).outbox.flush(true).catch(() => undefined);
    // The warning's words come with the course player's strings (only needed when answers wait, which means the player ran).
    if (outboxStatus.get().waiting > 0 && !(await loadPlayerStrings().then(() => window.confirm(t('learn.offline.signOutLoses'))))) return;
    await session.signOut();
    navigate('/login', { state: { signedOut: true } });
  }

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="site-header">
        <Link to="/" className="brand">{t('app.name')}</Link>
        <nav aria-label={t('nav.main')} className="site-nav">
          <label className="language-switch">
            <span className="visually-hidden">{t('language.label')}</span>
            <select
              value={i18n.language}
              onChange={(e) => void session.setLocale(e.target.value as Language)}
              aria-label={t('language.label')}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>{t(`language.${l}`)}</option>
              ))}
            </select>
          </label>
          {session.status === 'signedIn' && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          )}
        </nav>
      </header>
      <OfflineNotice />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

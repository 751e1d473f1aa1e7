import type { ReactNode } from 'react';
import { DemoBanner } from '../components/demo-banner';
import { LanguageSwitch } from '../components/language-switch';
import { useT } from '../i18n/use-t';

/** The frame of every screen shown before unlocking: name, language, demo banner. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="public-frame">
      <header className="public-header">
        <p className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </p>
        <LanguageSwitch />
      </header>
      <DemoBanner />
      <main className="public-main">{children}</main>
    </div>
  );
}

import { useId } from 'react';
import type { SessionUser } from '../../../core/contract';
import { LanguageSwitch } from '../components/language-switch';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';
import { RetentionSettingsForm } from '../retention/retention-settings-form';
import { BackupPanel } from './backup-panel';
import { ChangePassphraseForm } from './change-passphrase-form';
import { TeamSettingsForm } from './team-settings-form';

export function SettingsView({ user }: { user: SessionUser }) {
  const t = useT();
  const languageId = useId();
  return (
    <section className="view">
      <ViewHeading>{t('settings.title')}</ViewHeading>
      <section className="subsection" aria-labelledby={languageId}>
        <h2 id={languageId}>{t('settings.language_title')}</h2>
        <LanguageSwitch />
      </section>
      <ChangePassphraseForm />
      {user.role === 'administrator' ? <TeamSettingsForm /> : null}
      {user.role === 'administrator' ? <RetentionSettingsForm /> : null}
      {user.role === 'administrator' ? <BackupPanel /> : null}
    </section>
  );
}

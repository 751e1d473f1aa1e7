import { useId } from 'react';
import { useT } from '../i18n/use-t';
import type { DemoCredentials } from '../session/session-store';

/** The demo's made-up credentials, shown openly: they protect nothing real. */
export function DemoNotice({ credentials }: { credentials: DemoCredentials }) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="demo-notice" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('demo.notice_title')}</h2>
      <p>{t('demo.notice_body')}</p>
      <ul>
        <li>
          <code>{t('demo.notice_username', { username: credentials.username })}</code>
        </li>
        <li>
          <code>{t('demo.notice_passphrase', { passphrase: credentials.passphrase })}</code>
        </li>
      </ul>
    </section>
  );
}

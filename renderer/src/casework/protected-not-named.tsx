import type { ProtectedNotNamed } from '../../../core/contract';
import { useT } from '../i18n/use-t';

/**
 * For a team lead: protected-identity cases they are not named on. Only the case number is known
 * here, and they cannot be opened, so they are plain text outside the grid.
 */
export function ProtectedNotNamedList({ items, total }: { items: readonly ProtectedNotNamed[]; total: number }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section className="protected-not-named" aria-labelledby="protected-not-named-title">
      <h2 id="protected-not-named-title">{t('access.not_named_title')}</h2>
      <p className="muted">{t('access.not_named_intro')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            {item.caseNumber} <span className="badge badge-protected">{t('access.not_named_marker')}</span>
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="muted">{t('access.not_named_more', { count: total - items.length })}</p> : null}
    </section>
  );
}

import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { ApiError, CaseDetail } from '../../../core/contract';
import { toApiError } from '../api/client';
import { caseSectionKey } from '../api/case-queries';
import { useChannel, useMutation, useQueryClient } from '../api/query';
import { ApiErrorAlert, DetailedErrorAlert, ErrorAlert, SuccessNotice } from '../components/messages';
import { SelectField } from '../components/select-field';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { useCasework } from './casework-context';
import { CaseSection } from '../components/case-section';
import { formatMoment } from '../lib/format';

/**
 * "Delas med": who is named on the case (its caseworker, its creator while it has none, and the
 * colleagues it is shared with), and naming or removing colleagues. The API decides who may.
 */
export function SharingSection({ id, detail }: { id: string; detail: CaseDetail }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { assignees } = useCasework();
  const loaded = useChannel('cases:shares', { caseId: detail.id });
  const client = useQueryClient();
  const mutations = { 'cases:share': useMutation('cases:share'), 'cases:unshare': useMutation('cases:unshare') };
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = loaded.data;

  const named = new Set<number>([...(current?.shares.map((s) => s.userId) ?? []), ...(current?.assignee ? [current.assignee.id] : [])]);
  const candidates = assignees.filter((a) => !named.has(a.id));

  const change = async (channel: 'cases:share' | 'cases:unshare', userId: number, name: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      // The answer is the new list: it replaces the cached one without asking again.
      client.setData(caseSectionKey('cases:shares', detail.id), await mutations[channel]({ caseId: detail.id, userId }));
      setNotice(t(channel === 'cases:share' ? 'sharing.added' : 'sharing.removed', { name }));
      setChosen('');
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const colleague = candidates.find((c) => String(c.id) === chosen);
    if (colleague) void change('cases:share', colleague.id, colleague.displayName);
  };

  return (
    <CaseSection id={id} title={t('sharing.title')}>
      <p className="muted">{t('sharing.intro')}</p>
      <ApiErrorAlert error={loaded.error} />
      {current ? (
        <>
          <dl className="facts">
            {current.assignee ? (
              <>
                <dt>{t('sharing.assignee')}</dt>
                <dd>{current.assignee.displayName}</dd>
              </>
            ) : null}
            {current.creator ? (
              <>
                <dt>{t('sharing.creator')}</dt>
                <dd>{current.creator.displayName}</dd>
              </>
            ) : null}
          </dl>
          {current.shares.length === 0 ? (
            <p>{t('sharing.nobody')}</p>
          ) : (
            <ul className="share-list">
              {current.shares.map((share) => (
                <li key={share.userId}>
                  <span>
                    {share.displayName} ({t(`role.${share.role}`)}){' '}
                    <span className="muted">{t('sharing.granted', { name: share.grantedByName, when: formatMoment(share.grantedAt, language) })}</span>
                  </span>{' '}
                  <button type="button" className="button-link" disabled={busy} onClick={() => void change('cases:unshare', share.userId, share.displayName)}>
                    {t('sharing.remove', { name: share.displayName })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {candidates.length === 0 ? (
            <p className="muted">{t('sharing.no_colleagues')}</p>
          ) : (
            <form onSubmit={onSubmit} className="share-form" aria-label={t('sharing.add')}>
              <SelectField
                name="shareWith"
                label={t('sharing.colleague')}
                value={chosen}
                options={[
                  { value: '', label: t('sharing.choose') },
                  ...candidates.map((c) => ({ value: String(c.id), label: `${c.displayName} (${t(`role.${c.role}`)})` })),
                ]}
                onChange={setChosen}
              />
              <div className="actions">
                <button type="submit" disabled={busy || chosen === ''}>
                  {t('sharing.add')}
                </button>
              </div>
            </form>
          )}
        </>
      ) : null}
      <DetailedErrorAlert error={error} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
    </CaseSection>
  );
}

/** The error of loading a case: a refusal says it is not shared with the user, anything else as usual. */
export function CaseLoadError({ error }: { error: ApiError | null }) {
  const t = useT();
  if (error?.code === 'forbidden') return <ErrorAlert>{t('access.case_forbidden')}</ErrorAlert>;
  return <ApiErrorAlert error={error} />;
}

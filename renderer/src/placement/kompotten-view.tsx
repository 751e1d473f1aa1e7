import { useId, useState } from 'react';
import { KOMPOTTEN_OUTCOMES } from '../../../core/contract';
import type { KompottenRequest } from '../../../core/contract';
import { useChannel } from '../api/query';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { SelectField } from '../components/select-field';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';
import { textOf } from '../protect/masked';
import { useReturnFocus } from './focus';
import { KompottenLedgerTable } from './kompotten-ledger-table';
import { KompottenMembers } from './kompotten-members';
import { KompottenRequestForm } from './kompotten-request-form';
import { usePlaces } from './places';

type DirectionFilter = 'all' | KompottenRequest['direction'];
type OutcomeFilter = 'all' | KompottenRequest['outcome'];

/** Kompotten: the team's own list of member municipalities, and the ledger of requests sent and received. */
export function KompottenView() {
  const t = useT();
  const ledgerId = useId();
  const loadedMembers = useChannel('kompotten:members', {});
  const requests = useChannel('kompotten:requests', { caseId: null });
  const places = usePlaces();
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [direction, setDirection] = useState<DirectionFilter>('all');
  const [outcome, setOutcome] = useState<OutcomeFilter>('all');
  const [addButtonRef, restoreAddButton] = useReturnFocus<HTMLButtonElement>();
  const currentMembers = loadedMembers.data;

  const shown = (requests.data ?? [])
    .filter((r) => (direction === 'all' || r.direction === direction) && (outcome === 'all' || r.outcome === outcome))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);

  return (
    <section className="view view-wide">
      <ViewHeading>{t('kompotten.title')}</ViewHeading>
      <p>{t('kompotten.intro')}</p>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ApiErrorAlert error={loadedMembers.error ?? places.error} />
      {currentMembers === null && loadedMembers.error === null ? <p role="status">{t('kompotten.loading')}</p> : null}
      {currentMembers ? (
        <KompottenMembers
          members={currentMembers}
          places={places.data}
          onChanged={(_updated, message) => {
            setNotice(message);
          }}
        />
      ) : null}

      <section className="subsection" aria-labelledby={ledgerId}>
        <h2 id={ledgerId}>{t('kompotten.ledger_title')}</h2>
        <p>{t('kompotten.ledger_intro')}</p>
        <ApiErrorAlert error={requests.error} />
        <div className="pl-filters" role="group" aria-label={t('kompotten.filter_label')}>
          <SelectField
            name="directionFilter"
            label={t('kompotten.filter_direction')}
            value={direction}
            options={[
              { value: 'all' as const, label: t('kompotten.filter_all') },
              ...(['sent', 'received'] as const).map((d) => ({ value: d, label: t(`kompotten.direction_${d}`) })),
            ]}
            onChange={setDirection}
          />
          <SelectField
            name="outcomeFilter"
            label={t('kompotten.filter_outcome')}
            value={outcome}
            options={[
              { value: 'all' as const, label: t('kompotten.filter_all') },
              ...KOMPOTTEN_OUTCOMES.map((o) => ({ value: o, label: t(`kompotten.outcome_${o}`) })),
            ]}
            onChange={setOutcome}
          />
        </div>
        {requests.data ? (
          <p role="status" className="muted">
            {t('kompotten.ledger_count', { count: shown.length, total: requests.data.length })}
          </p>
        ) : null}
        {shown.length > 0 ? (
          <KompottenLedgerTable
            requests={shown}
            caption={t('kompotten.ledger_caption')}
            showCase
            onUpdated={(saved) => {
              setNotice(t('kompotten.request_updated', { counterpart: textOf(t, saved.counterpartName) }));
            }}
          />
        ) : null}
        {adding ? (
          <KompottenRequestForm
            title={t('kompotten.request_title')}
            caseId={null}
            places={places.data}
            initialCounterpart={null}
            onSaved={(saved) => {
              setAdding(false);
              restoreAddButton();
              setNotice(t('kompotten.request_saved', { counterpart: textOf(t, saved.counterpartName) }));
            }}
            onCancel={() => {
              setAdding(false);
              restoreAddButton();
            }}
          />
        ) : (
          <div className="actions">
            <button
              ref={addButtonRef}
              type="button"
              onClick={() => {
                setNotice(null);
                setAdding(true);
              }}
            >
              {t('kompotten.request_open')}
            </button>
          </div>
        )}
      </section>
    </section>
  );
}

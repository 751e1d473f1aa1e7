import { useId, useState } from 'react';
import type { KompottenRequest, Move } from '../../../core/contract';
import { useChannel } from '../api/query';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { useT } from '../i18n/use-t';
import { textOf } from '../protect/masked';
import type { CaseSectionProps } from '../components/case-section';
import { KompottenLedgerTable } from './kompotten-ledger-table';
import { MoveCard } from './move-card';
import { MovePlanForm } from './move-plan-form';
import { useReturnFocus } from './focus';
import { placeLabel, usePlaces } from './places';

/** The case's moves, planning a new one with the safe-distance check, and the case's Kompotten requests. */
export function MovesSection({ caseDetail }: CaseSectionProps) {
  const t = useT();
  const titleId = useId();
  const caseId = caseDetail.id;
  const closed = caseDetail.status === 'closed';
  const moves = useChannel('moves:list', { caseId });
  const requests = useChannel('kompotten:requests', { caseId });
  const places = usePlaces();
  // Only to explain "too close" within the city; the check itself is the API's.
  const settings = useChannel('settings:get', {});
  const [planning, setPlanning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [ledgerFor, setLedgerFor] = useState<number | null>(null);
  const withinCityKm = settings.data?.minimumDistanceWithinCityKm ?? null;
  const [planButtonRef, restorePlanButton] = useReturnFocus<HTMLButtonElement>();

  const onCreated = (move: Move): void => {
    setPlanning(false);
    restorePlanButton();
    setNotice(t('moves.created', { to: placeLabel(t, move.to) }));
    // A move through Kompotten is usually also a request in the network's ledger: offer to record it.
    setLedgerFor(move.route === 'kompotten' ? move.id : null);
  };

  const onChanged = (move: Move): void => {
    setNotice(t('moves.transitioned', { to: placeLabel(t, move.to), status: t(`moves.status_${move.status}`) }));
  };

  const onLedgerSaved = (request: KompottenRequest): void => {
    setLedgerFor(null);
    setNotice(t('moves.ledger_saved', { counterpart: textOf(t, request.counterpartName) }));
  };

  return (
    <section className="pl-section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t('moves.title_section')}
      </h2>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ApiErrorAlert error={moves.error ?? places.error} />
      {moves.data === null && moves.error === null ? <p role="status">{t('moves.loading')}</p> : null}
      {moves.data && moves.data.length === 0 ? <p className="muted">{t('moves.none')}</p> : null}
      {moves.data?.map((move) => (
        <MoveCard
          key={move.id}
          move={move}
          caseId={caseId}
          closed={closed}
          places={places.data}
          withinCityKm={withinCityKm}
          ledgerOpen={ledgerFor === move.id}
          onLedgerOpen={(open) => {
            setNotice(null);
            setLedgerFor(open ? move.id : null);
          }}
          onLedgerSaved={onLedgerSaved}
          onChanged={onChanged}
        />
      ))}
      {closed ? (
        <p className="muted">{t('moves.case_closed')}</p>
      ) : planning ? (
        <MovePlanForm
          caseId={caseId}
          places={places.data}
          withinCityKm={withinCityKm}
          onCreated={onCreated}
          onCancel={() => {
            setPlanning(false);
            restorePlanButton();
          }}
        />
      ) : (
        <div className="actions">
          <button
            ref={planButtonRef}
            type="button"
            onClick={() => {
              setNotice(null);
              setPlanning(true);
            }}
          >
            {t('moves.plan_open')}
          </button>
        </div>
      )}
      <ApiErrorAlert error={requests.error} />
      {requests.data && requests.data.length > 0 ? (
        <KompottenLedgerTable requests={requests.data} caption={t('moves.case_requests_caption')} showCase={false} />
      ) : null}
    </section>
  );
}

import { useCallback, useId, useState } from 'react';
import type { KompottenRequest, Move, Settings } from '../../../core/contract';
import { call } from '../api/client';
import { useLoader } from '../api/use-loader';
import { usePrefetchedLoad } from '../casework/case-prefetch';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { useT } from '../i18n/use-t';
import { textOf } from '../protect/masked';
import type { CaseSectionProps } from '../casework/case-section';
import { KompottenLedgerTable } from './kompotten-ledger-table';
import { MoveCard } from './move-card';
import { MovePlanForm } from './move-plan-form';
import { useReturnFocus } from './focus';
import { loadPlaces, placeLabel } from './places';

function loadSettings(): Promise<Settings> {
  return call('settings:get', {});
}

/** The case's moves, planning a new one with the safe-distance check, and the case's Kompotten requests. */
export function MovesSection({ caseDetail }: CaseSectionProps) {
  const t = useT();
  const titleId = useId();
  const caseId = caseDetail.id;
  const closed = caseDetail.status === 'closed';
  const moves = useLoader(usePrefetchedLoad('moves', useCallback(() => call('moves:list', { caseId }), [caseId])));
  const requests = useLoader(usePrefetchedLoad('kompottenRequests', useCallback(() => call('kompotten:requests', { caseId }), [caseId])));
  const places = useLoader(loadPlaces);
  // Only to explain "too close" within the city; the check itself is the API's.
  const settings = useLoader(loadSettings);
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
    moves.reload();
  };

  const onChanged = (move: Move): void => {
    setNotice(t('moves.transitioned', { to: placeLabel(t, move.to), status: t(`moves.status_${move.status}`) }));
    moves.reload();
  };

  const onLedgerSaved = (request: KompottenRequest): void => {
    setLedgerFor(null);
    setNotice(t('moves.ledger_saved', { counterpart: textOf(t, request.counterpartName) }));
    requests.reload();
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
          onRefused={moves.reload}
        />
      ))}
      {closed ? (
        <p className="muted">{t('moves.case_closed')}</p>
      ) : planning ? (
        <MovePlanForm caseId={caseId} places={places.data} withinCityKm={withinCityKm} onCreated={onCreated} onCancel={() => {
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

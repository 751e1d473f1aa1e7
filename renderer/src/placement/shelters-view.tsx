import { useState } from 'react';
import { SPECIALISATIONS } from '../../../core/contract';
import type { Shelter } from '../../../core/contract';
import { call } from '../api/client';
import { useQuery } from '../api/query';
import { RegisterTable } from '../components/register-table';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { ViewHeading } from '../components/view-heading';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { useReturnFocus } from './focus';
import { formatDay } from '../lib/format';
import { usePlaces } from './places';
import { ShelterForm } from './shelter-form';

function loadShelters(): Promise<Shelter[]> {
  return call('shelters:list', {});
}

function PermitCell({ shelter }: { shelter: Shelter }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const kind = shelter.ivoKind === 'none' ? t('shelters.ivo_none') : t(`shelters.ivo_${shelter.ivoKind}`);
  return (
    <>
      <span className={`pl-badge ${shelter.permitStatus === 'valid' ? 'pl-badge-ok' : 'pl-badge-danger'}`}>{t(`shelters.permit_${shelter.permitStatus}`)}</span>
      <span className="block">{shelter.ivoNumber ? t('shelters.ivo_with_number', { kind, number: shelter.ivoNumber }) : kind}</span>
      {shelter.ivoKind === 'permit' ? (
        <span className="block muted">
          {shelter.ivoValidUntil === null ? t('shelters.valid_open') : t('shelters.valid_until', { date: formatDay(shelter.ivoValidUntil, language) })}
        </span>
      ) : null}
    </>
  );
}

function OccupancyCell({ shelter }: { shelter: Shelter }) {
  const t = useT();
  const full = shelter.occupancy.adults >= shelter.capacityAdults && shelter.occupancy.children >= shelter.capacityChildren;
  const over = shelter.occupancy.adults > shelter.capacityAdults || shelter.occupancy.children > shelter.capacityChildren;
  return (
    <>
      <span className="block">{t('shelters.occupancy_adults', { used: shelter.occupancy.adults, total: shelter.capacityAdults })}</span>
      <span className="block">{t('shelters.occupancy_children', { used: shelter.occupancy.children, total: shelter.capacityChildren })}</span>
      {over ? (
        <span className="pl-badge pl-badge-danger">{t('shelters.over_capacity')}</span>
      ) : full ? (
        <span className="pl-badge pl-badge-warning">{t('shelters.full')}</span>
      ) : null}
    </>
  );
}

/** The register of protected shelters: IVO permit, places and current occupancy, specialisations and contact. */
export function SheltersView() {
  const t = useT();
  const shelters = useQuery(['shelters:list', {}], loadShelters);
  const places = usePlaces();
  const [editing, setEditing] = useState<Shelter | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [addButtonRef, restoreAddButton] = useReturnFocus<HTMLButtonElement>();
  const sorted = [...(shelters.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const close = (): void => {
    setEditing(null);
    restoreAddButton();
  };

  return (
    <section className="view view-wide">
      <ViewHeading>{t('shelters.title')}</ViewHeading>
      <p>{t('shelters.intro')}</p>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ApiErrorAlert error={shelters.error ?? places.error} />
      {shelters.data === null && shelters.error === null ? <p role="status">{t('shelters.loading')}</p> : null}
      {shelters.data && shelters.data.length === 0 ? <p className="muted">{t('shelters.none')}</p> : null}
      {sorted.length > 0 ? (
        <RegisterTable
          className="pl-shelters"
          caption={t('shelters.caption')}
          rows={sorted}
          rowKey={(shelter) => shelter.id}
          columns={[
            {
              header: t('shelters.col_name'),
              rowHeader: true,
              cell: (shelter) => (
                <>
                  {shelter.name}
                  {shelter.operator ? <span className="block muted">{shelter.operator}</span> : null}
                </>
              ),
            },
            { header: t('shelters.col_municipality'), cell: (shelter) => shelter.municipalityName },
            { header: t('shelters.col_permit'), cell: (shelter) => <PermitCell shelter={shelter} /> },
            { header: t('shelters.col_occupancy'), cell: (shelter) => <OccupancyCell shelter={shelter} /> },
            {
              header: t('shelters.col_specialisations'),
              cell: (shelter) => (
                <>
                  <span className="block">
                    {shelter.specialisations.length === 0
                      ? '–'
                      : SPECIALISATIONS.filter((s) => shelter.specialisations.includes(s))
                          .map((s) => t(`shelters.spec_${s}`))
                          .join(', ')}
                  </span>
                  {shelter.languages ? <span className="block">{t('shelters.languages_value', { languages: shelter.languages })}</span> : null}
                </>
              ),
            },
            { header: t('shelters.col_contact'), className: 'pl-prewrap', cell: (shelter) => shelter.contact },
          ]}
          actions={{
            header: t('shelters.col_actions'),
            cell: (shelter) => (
              <button
                type="button"
                className="button-secondary"
                aria-label={t('shelters.edit_label', { name: shelter.name })}
                onClick={() => {
                  setNotice(null);
                  setEditing(shelter);
                }}
              >
                {t('shelters.edit')}
              </button>
            ),
          }}
        />
      ) : null}
      {editing !== null ? (
        <ShelterForm
          key={editing === 'new' ? 'new' : editing.id}
          shelter={editing === 'new' ? null : editing}
          places={places.data}
          onSaved={(saved) => {
            setNotice(t(editing === 'new' ? 'shelters.added' : 'shelters.updated', { name: saved.name }));
            close();
          }}
          onCancel={close}
        />
      ) : (
        <div className="actions">
          <button
            ref={addButtonRef}
            type="button"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('shelters.add_open')}
          </button>
        </div>
      )}
    </section>
  );
}

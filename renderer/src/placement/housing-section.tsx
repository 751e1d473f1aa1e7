import { useId, useState } from 'react';
import type { HousingStep } from '../../../core/contract';
import { useChannel } from '../api/query';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { useT } from '../i18n/use-t';
import type { CaseSectionProps } from '../components/case-section';
import { useReturnFocus } from './focus';
import { HousingStepForm } from './housing-step-form';
import { HousingTimeline } from './housing-timeline';
import { usePlaces } from './places';

interface Chain {
  key: string;
  title: string;
  steps: HousingStep[];
}

/** The housing chain: the household's steps, then each child's own chain under the child's name. */
export function HousingSection({ caseDetail }: CaseSectionProps) {
  const t = useT();
  const titleId = useId();
  const caseId = caseDetail.id;
  const closed = caseDetail.status === 'closed';
  const steps = useChannel('housing:list', { caseId });
  const shelters = useChannel('shelters:list', {});
  const places = usePlaces();
  const [editing, setEditing] = useState<HousingStep | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [addButtonRef, restoreAddButton] = useReturnFocus<HTMLButtonElement>();

  const all = steps.data ?? [];
  const chains: Chain[] = [{ key: 'household', title: t('housing.chain_household'), steps: all.filter((s) => s.childId === null) }];
  for (const child of caseDetail.children) {
    const own = all.filter((s) => s.childId === child.id);
    if (own.length > 0) chains.push({ key: `child-${child.id}`, title: t('housing.chain_child', { name: child.name }), steps: own });
  }
  // Steps of a child no longer registered in the case stay visible under the name they were saved with.
  const known = new Set(caseDetail.children.map((c) => c.id));
  const orphans = all.filter((s) => s.childId !== null && !known.has(s.childId));
  for (const childId of [...new Set(orphans.map((s) => s.childId))]) {
    const own = orphans.filter((s) => s.childId === childId);
    chains.push({ key: `child-${childId}`, title: t('housing.chain_child', { name: own[0]?.childName ?? '–' }), steps: own });
  }

  const close = (): void => {
    setEditing(null);
    restoreAddButton();
  };

  const form = (step: HousingStep | null) => (
    <HousingStepForm
      key={step?.id ?? 'new'}
      caseId={caseId}
      step={step}
      caseChildren={caseDetail.children}
      shelters={shelters.data}
      places={places.data}
      onSaved={(saved) => {
        setNotice(
          step === null ? t('housing.added', { kind: t(`housing.kind_${saved.kind}`) }) : t('housing.updated', { kind: t(`housing.kind_${saved.kind}`) }),
        );
        close();
      }}
      onCancel={close}
    />
  );

  return (
    <section className="pl-section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t('housing.title')}
      </h2>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ApiErrorAlert error={steps.error ?? shelters.error ?? places.error} />
      {steps.data === null && steps.error === null ? <p role="status">{t('housing.loading')}</p> : null}
      {steps.data
        ? chains.map((chain) => (
            <section key={chain.key} className="pl-chain" aria-label={chain.title}>
              <h3>{chain.title}</h3>
              {chain.steps.length === 0 ? (
                <p className="muted">{t('housing.none')}</p>
              ) : (
                <HousingTimeline
                  label={chain.title}
                  steps={chain.steps}
                  shelters={shelters.data}
                  editing={editing !== null && editing !== 'new' ? { id: editing.id, form: form(editing) } : null}
                  onEdit={
                    closed
                      ? null
                      : (step) => {
                          setNotice(null);
                          setEditing(step);
                        }
                  }
                />
              )}
            </section>
          ))
        : null}
      {closed ? (
        <p className="muted">{t('housing.case_closed')}</p>
      ) : editing === 'new' ? (
        form(null)
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
            {t('housing.add_open')}
          </button>
        </div>
      )}
    </section>
  );
}

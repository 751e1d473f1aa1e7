import { useEffect, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { CaseDetail } from '../../../core/contract';
import { useMutation } from '../api/query';
import { FormFooter } from '../components/form-footer';
import { ApiErrorAlert } from '../components/messages';
import { ViewHeading } from '../components/view-heading';
import { messageAt, pathErrorsFromIssues, validatePaths } from '../forms/path-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { FlagsFields, ResponsibilityFields, SurvivorFields } from './case-fields';
import { caseFieldsInput, childInput, emptyCaseFields, emptyChild, emptyPerpetrator, perpetratorInput } from './case-values';
import type { CaseFieldValues, ChildValues, PerpetratorValues } from './case-values';
import { useCasework } from './casework-context';
import { ChildFields, PerpetratorFields } from './people-fields';
import { useFocusRequest } from './use-focus-request';

/** A new case: the survivor, her children, the perpetrators with their known areas, flags and who is responsible. */
export function NewCaseForm({ onCreated, onCancel }: { onCreated: (detail: CaseDetail) => void; onCancel: () => void }) {
  const t = useT();
  const { user, error: referenceError } = useCasework();
  const [fields, setFields] = useState<CaseFieldValues>(() => emptyCaseFields(user.id));
  const [children, setChildren] = useState<ChildValues[]>([]);
  const [perpetrators, setPerpetrators] = useState<PerpetratorValues[]>([]);
  const form = useFormSubmit(pathErrorsFromIssues);
  const { formRef, errors, submit } = form;
  // The case list keeps its own pages and asks again whenever it is shown, so nothing to invalidate.
  const createCase = useMutation('cases:create');
  const { containerRef: focusRef, focusName, focusSelector } = useFocusRequest();
  const headingRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const heading = headingRef.current?.querySelector('h1');
    if (heading instanceof HTMLElement) heading.focus();
  }, []);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { ...caseFieldsInput(fields), children: children.map(childInput), perpetrators: perpetrators.map(perpetratorInput) };
    void submit(validatePaths('cases:create', input), async () => {
      onCreated(await createCase(input));
    });
  };

  const addChild = (): void => {
    setChildren((previous) => [...previous, emptyChild()]);
    focusName(`children.${children.length}.name`);
  };
  const removeChild = (index: number): void => {
    setChildren((previous) => previous.filter((_, i) => i !== index));
    focusSelector('[data-add="child"]');
  };
  const addPerpetrator = (): void => {
    setPerpetrators((previous) => [...previous, emptyPerpetrator()]);
    focusName(`perpetrators.${perpetrators.length}.name`);
  };
  const removePerpetrator = (index: number): void => {
    setPerpetrators((previous) => previous.filter((_, i) => i !== index));
    focusSelector('[data-add="perpetrator"]');
  };

  return (
    <section className="view case-form-view">
      <div ref={headingRef}>
        <ViewHeading>{t('new_case.title')}</ViewHeading>
      </div>
      <p>{t('new_case.intro')}</p>
      <ApiErrorAlert error={referenceError} />
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <SurvivorFields
          prefix="survivor"
          values={fields.survivor}
          onChange={(survivor) => setFields((previous) => ({ ...previous, survivor }))}
          errors={errors}
        />

        <div ref={focusRef}>
          <fieldset className="form-group">
            <legend>{t('new_case.children_title')}</legend>
            <p className="muted">{t('new_case.children_intro')}</p>
            {messageAt(t, errors, 'children') ? <p className="field-error">{messageAt(t, errors, 'children')}</p> : null}
            {children.map((child, index) => {
              const label = t('child.label', { number: index + 1 });
              return (
                <fieldset key={child.key} className="person-row">
                  <legend>{label}</legend>
                  <ChildFields
                    prefix={`children.${index}`}
                    values={child}
                    onChange={(next) => setChildren((previous) => previous.map((c, i) => (i === index ? next : c)))}
                    errors={errors}
                  />
                  <button type="button" className="button-secondary" onClick={() => removeChild(index)}>
                    {t('child.remove', { label })}
                  </button>
                </fieldset>
              );
            })}
            <div className="actions">
              <button type="button" className="button-secondary" data-add="child" onClick={addChild} disabled={children.length >= 20}>
                {t('child.add')}
              </button>
            </div>
          </fieldset>

          <fieldset className="form-group">
            <legend>{t('new_case.perpetrators_title')}</legend>
            <p className="muted">{t('new_case.perpetrators_intro')}</p>
            {messageAt(t, errors, 'perpetrators') ? <p className="field-error">{messageAt(t, errors, 'perpetrators')}</p> : null}
            {perpetrators.map((perpetrator, index) => {
              const label = t('perpetrator.label', { number: index + 1 });
              return (
                <fieldset key={perpetrator.key} className="person-row">
                  <legend>{label}</legend>
                  <PerpetratorFields
                    label={label}
                    prefix={`perpetrators.${index}`}
                    values={perpetrator}
                    onChange={(next) => setPerpetrators((previous) => previous.map((p, i) => (i === index ? next : p)))}
                    errors={errors}
                  />
                  <button type="button" className="button-secondary" onClick={() => removePerpetrator(index)}>
                    {t('perpetrator.remove', { label })}
                  </button>
                </fieldset>
              );
            })}
            <div className="actions">
              <button type="button" className="button-secondary" data-add="perpetrator" onClick={addPerpetrator} disabled={perpetrators.length >= 30}>
                {t('perpetrator.add')}
              </button>
            </div>
          </fieldset>
        </div>

        <FlagsFields values={fields} onChange={setFields} errors={errors} />
        <ResponsibilityFields values={fields} onChange={setFields} errors={errors} />

        <FormFooter form={form} submitLabel={t('new_case.submit')} onCancel={onCancel} cancelLabel={t('casework.cancel')} summary />
      </form>
    </section>
  );
}

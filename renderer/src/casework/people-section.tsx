import { useState } from 'react';
import type { ReactNode, SubmitEvent } from 'react';
import type { ApiError, Area, CaseDetail, Child, Perpetrator } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useCaseChange } from '../api/use-case-change';
import { FormFooter } from '../components/form-footer';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { pathErrorsFromIssues, validatePaths } from '../forms/path-errors';
import type { PathErrors } from '../forms/path-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import type { Translate } from '../i18n/translate';
import { CaseSection } from '../components/case-section';
import { childInput, childUpdateInput, childValuesOf, emptyChild, emptyPerpetrator, perpetratorInput, perpetratorValuesOf } from './case-values';
import { isMasked } from '../../../core/contract';
import { Shown } from '../protect/masked';
import type { ChildValues, PerpetratorValues } from './case-values';
import { ConfirmInline } from '../components/confirm-inline';
import { ChildFields, PerpetratorFields } from './people-fields';
import { useFocusRequest } from './use-focus-request';

/** Which person form is open: adding one, or changing or removing one by id. */
type Editing =
  | { kind: 'none' }
  | { kind: 'add-child' }
  | { kind: 'edit-child'; id: number }
  | { kind: 'remove-child'; id: number }
  | { kind: 'add-perpetrator' }
  | { kind: 'edit-perpetrator'; id: number }
  | { kind: 'remove-perpetrator'; id: number };

interface PersonFormProps<V> {
  initial: V;
  submitLabel: string;
  validate: (values: V) => PathErrors;
  /** The person's fields, named by their path in this form. */
  fields: (values: V, onChange: (values: V) => void, errors: PathErrors) => ReactNode;
  onSubmit: (values: V) => Promise<CaseDetail>;
  onDone: (detail: CaseDetail) => void;
  onCancel: () => void;
}

/** Adds or changes one child or perpetrator; the case comes back from the API with the change. */
function PersonForm<V>({ initial, submitLabel, validate, fields, onSubmit, onDone, onCancel }: PersonFormProps<V>) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const form = useFormSubmit(pathErrorsFromIssues);
  const { formRef, errors, submit } = form;
  const onFormSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit(validate(values), async () => onDone(await onSubmit(values)));
  };
  return (
    <form ref={formRef} onSubmit={onFormSubmit} noValidate className="person-form">
      {fields(values, setValues, errors)}
      <FormFooter form={form} submitLabel={submitLabel} onCancel={onCancel} cancelLabel={t('casework.cancel')} summary />
    </form>
  );
}

function childFields(values: ChildValues, onChange: (values: ChildValues) => void, errors: PathErrors): ReactNode {
  return <ChildFields prefix="" values={values} onChange={onChange} errors={errors} />;
}

/** The fields of a child whose school and placement were shown masked: those are left as stored. */
function maskedChildFields(values: ChildValues, onChange: (values: ChildValues) => void, errors: PathErrors): ReactNode {
  return <ChildFields prefix="" values={values} onChange={onChange} errors={errors} masked />;
}

function perpetratorFields(label: string) {
  return (values: PerpetratorValues, onChange: (values: PerpetratorValues) => void, errors: PathErrors): ReactNode => (
    <PerpetratorFields label={label} prefix="" values={values} onChange={onChange} errors={errors} />
  );
}

interface PersonCardProps {
  /** The person's marker on the edit button, e.g. `child-3`: focus returns there after a change. */
  marker: string;
  name: string;
  heading: ReactNode;
  /** What the card shows of the person when not being changed. */
  details: ReactNode;
  /** The form, while this person is being changed. */
  form: ReactNode | null;
  removing: boolean;
  removeMessage: string;
  /** The case is open: the person can be changed or removed. */
  open: boolean;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
  onConfirmRemove: () => void;
  onCancel: () => void;
}

/** One child or perpetrator of the case: the facts, then changing in place or removing after a question. */
function PersonCard({
  marker,
  name,
  heading,
  details,
  form,
  removing,
  removeMessage,
  open,
  busy,
  onEdit,
  onRemove,
  onConfirmRemove,
  onCancel,
}: PersonCardProps) {
  const t = useT();
  return (
    <li className="person-card">
      <h4>{heading}</h4>
      {form ?? (
        <>
          {details}
          {removing ? (
            <ConfirmInline message={removeMessage} confirmLabel={t('people.remove_yes')} danger busy={busy} onConfirm={onConfirmRemove} onCancel={onCancel} />
          ) : open ? (
            <div className="actions">
              <button type="button" className="button-secondary" data-person={marker} onClick={onEdit}>
                {t('people.edit_label', { name })}
              </button>
              <button type="button" className="button-secondary" onClick={onRemove}>
                {t('people.remove_label', { name })}
              </button>
            </div>
          ) : null}
        </>
      )}
    </li>
  );
}

/** The form adding a child or perpetrator while it is open, else (in an open case) the button that opens it. */
function AddPerson({ marker, label, form, open, onBegin }: { marker: string; label: string; form: ReactNode | null; open: boolean; onBegin: () => void }) {
  if (form) {
    return (
      <div className="person-card">
        <h4>{label}</h4>
        {form}
      </div>
    );
  }
  if (!open) return null;
  return (
    <div className="actions">
      <button type="button" className="button-secondary" data-add={marker} onClick={onBegin}>
        {label}
      </button>
    </div>
  );
}

export function areaText(t: Translate, area: Area): string {
  const place = [area.districtName, area.districtName !== null && area.municipalityName === 'Stockholm' ? null : area.municipalityName]
    .filter((part) => part !== null)
    .join(', ');
  return area.description ? t('area.text', { place: place || '–', description: area.description }) : place || '–';
}

function childName(t: Translate, child: Child): string {
  return child.name || t('child.unnamed');
}

function perpetratorName(t: Translate, p: Perpetrator): string {
  return p.name || t('perpetrator.unknown_name');
}

/** Children (each a person in their own right) and perpetrators with their known areas. */
export function PeopleSection({ id, detail }: { id: string; detail: CaseDetail }) {
  const t = useT();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { containerRef: focusRef, focusName, focusSelector } = useFocusRequest();
  const open = detail.status === 'open';
  const change = {
    'people:add-child': useCaseChange('people:add-child'),
    'people:update-child': useCaseChange('people:update-child'),
    'people:remove-child': useCaseChange('people:remove-child'),
    'people:add-perpetrator': useCaseChange('people:add-perpetrator'),
    'people:update-perpetrator': useCaseChange('people:update-perpetrator'),
    'people:remove-perpetrator': useCaseChange('people:remove-perpetrator'),
  };

  const begin = (next: Editing, firstField?: string): void => {
    setNotice(null);
    setError(null);
    setEditing(next);
    if (firstField) focusName(firstField);
  };

  const done = (message: string, then: string): void => {
    setEditing({ kind: 'none' });
    setNotice(message);
    focusSelector(then);
  };

  const remove = (channel: 'people:remove-child' | 'people:remove-perpetrator', personId: number, message: string, then: string): void => {
    setBusy(true);
    setError(null);
    change[channel]({ id: personId }).then(
      () => {
        setBusy(false);
        done(message, then);
      },
      (thrown: unknown) => {
        setBusy(false);
        setEditing({ kind: 'none' });
        setError(toApiError(thrown));
      },
    );
  };

  const cancel = (selector: string) => (): void => {
    setEditing({ kind: 'none' });
    focusSelector(selector);
  };

  const validateChild = (values: ChildValues) => validatePaths('people:add-child', { caseId: detail.id, ...childInput(values) });
  const validatePerpetrator = (values: PerpetratorValues) => validatePaths('people:add-perpetrator', { caseId: detail.id, ...perpetratorInput(values) });

  return (
    <CaseSection id={id} title={t('people.title')}>
      <div ref={focusRef}>
        {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
        <ApiErrorAlert error={error} />

        <h3>{t('people.children_title', { count: detail.children.length })}</h3>
        {detail.children.length === 0 ? <p className="muted">{t('people.no_children')}</p> : null}
        <ul className="person-list">
          {detail.children.map((child) => {
            const name = childName(t, child);
            const back = cancel(`[data-person="child-${child.id}"]`);
            return (
              <PersonCard
                key={child.id}
                marker={`child-${child.id}`}
                name={name}
                heading={
                  <>
                    {name}
                    {child.birthYear !== null ? <span className="muted"> ({t('child.born', { year: String(child.birthYear) })})</span> : null}
                  </>
                }
                form={
                  editing.kind === 'edit-child' && editing.id === child.id ? (
                    <PersonForm
                      initial={childValuesOf(child)}
                      fields={isMasked(child.school) ? maskedChildFields : childFields}
                      submitLabel={t('casework.save')}
                      validate={validateChild}
                      onSubmit={(values) => change['people:update-child'](childUpdateInput(child, values))}
                      onDone={() => done(t('people.child_saved', { name }), `[data-person="child-${child.id}"]`)}
                      onCancel={back}
                    />
                  ) : null
                }
                details={
                  <dl className="facts facts-compact">
                    <dt>{t('child.school')}</dt>
                    <dd>
                      <Shown value={child.school}>{(school) => school || t('casework.not_given')}</Shown>
                    </dd>
                    <dt>{t('child.needs')}</dt>
                    <dd className="preserve-lines">{child.needs || t('casework.not_given')}</dd>
                    <dt>{t('child.placement')}</dt>
                    <dd>
                      <Shown value={child.placement}>{(placement) => placement || t('casework.not_given')}</Shown>
                    </dd>
                  </dl>
                }
                removing={editing.kind === 'remove-child' && editing.id === child.id}
                removeMessage={t('people.remove_child_confirm', { name })}
                open={open}
                busy={busy}
                onEdit={() => begin({ kind: 'edit-child', id: child.id }, 'name')}
                onRemove={() => begin({ kind: 'remove-child', id: child.id })}
                onConfirmRemove={() => remove('people:remove-child', child.id, t('people.child_removed', { name }), '[data-add="child"]')}
                onCancel={back}
              />
            );
          })}
        </ul>
        <AddPerson
          marker="child"
          label={t('child.add')}
          open={open}
          onBegin={() => begin({ kind: 'add-child' }, 'name')}
          form={
            editing.kind === 'add-child' ? (
              <PersonForm
                initial={emptyChild()}
                fields={childFields}
                submitLabel={t('child.add')}
                validate={validateChild}
                onSubmit={(values) => change['people:add-child']({ caseId: detail.id, ...childInput(values) })}
                onDone={() => done(t('people.child_added'), '[data-add="child"]')}
                onCancel={cancel('[data-add="child"]')}
              />
            ) : null
          }
        />

        <h3>{t('people.perpetrators_title', { count: detail.perpetrators.length })}</h3>
        {detail.perpetrators.length === 0 ? <p className="muted">{t('people.no_perpetrators')}</p> : null}
        <ul className="person-list">
          {detail.perpetrators.map((p) => {
            const name = perpetratorName(t, p);
            const back = cancel(`[data-person="perpetrator-${p.id}"]`);
            return (
              <PersonCard
                key={p.id}
                marker={`perpetrator-${p.id}`}
                name={name}
                heading={
                  <>
                    {name} <span className="muted">({t(`relation.${p.relation}`)})</span>
                    {p.collective ? <span className="badge badge-honour">{t('perpetrator.collective_badge')}</span> : null}
                  </>
                }
                form={
                  editing.kind === 'edit-perpetrator' && editing.id === p.id ? (
                    <PersonForm
                      initial={perpetratorValuesOf(p)}
                      fields={perpetratorFields(name)}
                      submitLabel={t('casework.save')}
                      validate={validatePerpetrator}
                      onSubmit={(values) => change['people:update-perpetrator']({ id: p.id, ...perpetratorInput(values) })}
                      onDone={() => done(t('people.perpetrator_saved', { name }), `[data-person="perpetrator-${p.id}"]`)}
                      onCancel={back}
                    />
                  ) : null
                }
                details={
                  <>
                    {p.notes ? <p className="preserve-lines">{p.notes}</p> : null}
                    <p className="group-title">{t('area.title')}</p>
                    {p.areas.length === 0 ? (
                      <p className="muted">{t('area.none')}</p>
                    ) : (
                      <ul>
                        {p.areas.map((area) => (
                          <li key={area.id}>{areaText(t, area)}</li>
                        ))}
                      </ul>
                    )}
                  </>
                }
                removing={editing.kind === 'remove-perpetrator' && editing.id === p.id}
                removeMessage={t('people.remove_perpetrator_confirm', { name })}
                open={open}
                busy={busy}
                onEdit={() => begin({ kind: 'edit-perpetrator', id: p.id }, 'name')}
                onRemove={() => begin({ kind: 'remove-perpetrator', id: p.id })}
                onConfirmRemove={() => remove('people:remove-perpetrator', p.id, t('people.perpetrator_removed', { name }), '[data-add="perpetrator"]')}
                onCancel={back}
              />
            );
          })}
        </ul>
        <AddPerson
          marker="perpetrator"
          label={t('perpetrator.add')}
          open={open}
          onBegin={() => begin({ kind: 'add-perpetrator' }, 'name')}
          form={
            editing.kind === 'add-perpetrator' ? (
              <PersonForm
                initial={emptyPerpetrator()}
                fields={perpetratorFields(t('perpetrator.new_label'))}
                submitLabel={t('perpetrator.add')}
                validate={validatePerpetrator}
                onSubmit={(values) => change['people:add-perpetrator']({ caseId: detail.id, ...perpetratorInput(values) })}
                onDone={() => done(t('people.perpetrator_added'), '[data-add="perpetrator"]')}
                onCancel={cancel('[data-add="perpetrator"]')}
              />
            ) : null
          }
        />
      </div>
    </CaseSection>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { ApiError, ChannelInput, KompottenMember } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useMutation, useQueryClient } from '../api/query';
import { FormFooter } from '../components/form-footer';
import { RegisterTable } from '../components/register-table';
import { DetailedErrorAlert } from '../components/messages';
import { TextAreaField } from '../components/text-area-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { PlacePicker } from './place-picker';
import type { PlaceChoice } from './places';

const FIELDS = ['municipalityCode', 'contact'] as const;

/** Sets or ends a membership; the answer is the whole list, which replaces the cached one. */
function useSetMember(): (input: ChannelInput<'kompotten:set-member'>) => Promise<KompottenMember[]> {
  const client = useQueryClient();
  const setMember = useMutation('kompotten:set-member');
  return async (input) => {
    const members = await setMember(input);
    client.setData(['kompotten:members', {}], members);
    return members;
  };
}

/** Adds a member, or (with `member`) changes a member's contact. */
function MemberForm({
  member,
  places,
  exclude,
  onSaved,
  onCancel,
}: {
  member: KompottenMember | null;
  places: readonly PlaceChoice[] | null;
  exclude: readonly string[];
  onSaved: (members: KompottenMember[], code: string) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [code, setCode] = useState<string | null>(member?.municipalityCode ?? null);
  const [contact, setContact] = useState(member?.contact ?? '');
  const form = useFormSubmit(FIELDS);
  const { formRef, errors, submit } = form;
  const setMember = useSetMember();

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { municipalityCode: code ?? '', member: true, contact };
    void submit(validateInput('kompotten:set-member', input, FIELDS), async () => {
      const members = await setMember(input);
      if (member === null) {
        setCode(null);
        setContact('');
      }
      onSaved(members, input.municipalityCode);
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={member ? t('kompotten.edit_member_label', { name: member.municipalityName }) : undefined}>
      {member === null ? (
        <PlacePicker
          name="municipalityCode"
          label={t('kompotten.field_member')}
          places={places}
          kinds={['municipality']}
          exclude={exclude}
          value={code === null ? null : { kind: 'municipality', code }}
          onChange={(place) => setCode(place?.code ?? null)}
          error={fieldMessage(t, errors, 'municipalityCode')}
        />
      ) : null}
      <TextAreaField
        name="contact"
        label={member ? t('kompotten.field_contact_of', { name: member.municipalityName }) : t('kompotten.field_contact')}
        hint={t('kompotten.field_contact_hint')}
        value={contact}
        onChange={setContact}
        error={fieldMessage(t, errors, 'contact')}
        rows={2}
      />
      <FormFooter
        form={form}
        submitLabel={member ? t('kompotten.save_contact') : t('kompotten.add_member')}
        onCancel={onCancel}
        cancelLabel={t('place.cancel')}
      />
    </form>
  );
}

/** The team's own list of Kompotten members and whom to contact there. */
export function KompottenMembers({
  members,
  places,
  onChanged,
}: {
  members: readonly KompottenMember[];
  places: readonly PlaceChoice[] | null;
  onChanged: (members: KompottenMember[], message: string) => void;
}) {
  const t = useT();
  const titleId = useId();
  const addId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const setMember = useSetMember();
  const sorted = [...members].sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'sv'));

  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);

  const remove = (member: KompottenMember): void => {
    setBusy(true);
    setError(null);
    setMember({ municipalityCode: member.municipalityCode, member: false, contact: '' }).then(
      (updated) => {
        setBusy(false);
        setConfirming(null);
        onChanged(updated, t('kompotten.member_removed', { name: member.municipalityName }));
      },
      (thrown: unknown) => {
        setBusy(false);
        setConfirming(null);
        setError(toApiError(thrown));
      },
    );
  };

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('kompotten.members_title')}</h2>
      <p>{t('kompotten.members_intro')}</p>
      <DetailedErrorAlert error={error} />
      {sorted.length === 0 ? (
        <p className="muted">{t('kompotten.members_none')}</p>
      ) : (
        <RegisterTable
          caption={t('kompotten.members_caption', { count: sorted.length })}
          rows={sorted}
          rowKey={(member) => member.municipalityCode}
          columns={[
            { header: t('kompotten.col_municipality'), rowHeader: true, cell: (member) => member.municipalityName },
            {
              header: t('kompotten.col_contact'),
              className: 'pl-prewrap',
              cell: (member) =>
                editing === member.municipalityCode ? (
                  <MemberForm
                    member={member}
                    places={places}
                    exclude={[]}
                    onSaved={(updated) => {
                      setEditing(null);
                      onChanged(updated, t('kompotten.member_saved', { name: member.municipalityName }));
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  member.contact || '–'
                ),
            },
          ]}
          actions={{
            header: t('kompotten.col_actions'),
            cell: (member) =>
              confirming === member.municipalityCode ? (
                <div className="confirm" role="group" aria-label={t('kompotten.remove_label', { name: member.municipalityName })}>
                  <p>{t('kompotten.confirm_remove', { name: member.municipalityName })}</p>
                  <button ref={confirmRef} type="button" className="button-danger" disabled={busy} onClick={() => remove(member)}>
                    {t('kompotten.confirm_remove_yes')}
                  </button>
                  <button type="button" className="button-secondary" disabled={busy} onClick={() => setConfirming(null)}>
                    {t('place.cancel')}
                  </button>
                </div>
              ) : editing === member.municipalityCode ? null : (
                <div className="pl-row-actions">
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={t('kompotten.edit_member_label', { name: member.municipalityName })}
                    onClick={() => {
                      setError(null);
                      setEditing(member.municipalityCode);
                    }}
                  >
                    {t('kompotten.edit_member')}
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={t('kompotten.remove_label', { name: member.municipalityName })}
                    onClick={() => {
                      setError(null);
                      setConfirming(member.municipalityCode);
                    }}
                  >
                    {t('kompotten.remove')}
                  </button>
                </div>
              ),
          }}
        />
      )}
      <section aria-labelledby={addId}>
        <h3 id={addId}>{t('kompotten.add_member_title')}</h3>
        <MemberForm
          member={null}
          places={places}
          exclude={members.map((m) => m.municipalityCode)}
          onSaved={(updated, code) => {
            const name = updated.find((m) => m.municipalityCode === code)?.municipalityName ?? code;
            onChanged(updated, t('kompotten.member_added', { name }));
          }}
        />
      </section>
    </section>
  );
}

import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { ApiError, CaseDetail, JournalNote } from '../../../core/contract';
import { toApiError } from '../api/client';
import { caseSectionKey } from '../api/case-queries';
import { useChannel, useMutation } from '../api/query';
import { DateField } from '../components/date-field';
import { FormFooter, issuesAtFields } from '../components/form-footer';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { TextAreaField } from '../components/text-area-field';
import { messageAt, pathErrorsFromIssues, validatePaths } from '../forms/path-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { CaseSection, goToElement } from '../components/case-section';
import { useCasework } from './casework-context';
import { ConfirmInline } from '../components/confirm-inline';
import { formatDay, formatMoment, today } from '../lib/format';
import { useFocusRequest } from './use-focus-request';

/** What the note form is doing: a new note, a correction of a signed note, or changing a draft. */
type NoteForm = { kind: 'none' } | { kind: 'new' } | { kind: 'correct'; note: JournalNote } | { kind: 'edit'; note: JournalNote };

function NoteEditor({
  caseId,
  form,
  onSaved,
  onCancel,
}: {
  caseId: number;
  form: Exclude<NoteForm, { kind: 'none' }>;
  onSaved: (note: JournalNote) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [noteDate, setNoteDate] = useState(() => (form.kind === 'edit' ? form.note.noteDate : today()));
  const [body, setBody] = useState(form.kind === 'edit' ? form.note.body : '');
  const submission = useFormSubmit(pathErrorsFromIssues);
  const { formRef, errors, submit } = submission;
  const notesKey = [caseSectionKey('journal:list', caseId)];
  const updateDraft = useMutation('journal:update-draft', () => notesKey);
  const create = useMutation('journal:create', () => notesKey);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.kind === 'edit') {
      const input = { id: form.note.id, noteDate: noteDate.trim(), body };
      void submit(validatePaths('journal:update-draft', input), async () => onSaved(await updateDraft(input)));
    } else {
      const input = { caseId, noteDate: noteDate.trim(), body, correctsNoteId: form.kind === 'correct' ? form.note.id : null };
      void submit(validatePaths('journal:create', input), async () => onSaved(await create(input)));
    }
  };

  const title =
    form.kind === 'edit'
      ? t('journal.edit_title')
      : form.kind === 'correct'
        ? t('journal.correct_title', { date: formatDay(form.note.noteDate, language) })
        : t('journal.new_title');

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="note-form" aria-label={title}>
      <h3>{title}</h3>
      {form.kind === 'correct' ? (
        <figure className="note-quote">
          <figcaption>{t('journal.correcting', { date: formatDay(form.note.noteDate, language), author: form.note.authorName })}</figcaption>
          <blockquote className="preserve-lines">{form.note.body}</blockquote>
        </figure>
      ) : null}
      <DateField
        name="noteDate"
        label={t('journal.date')}
        hint={t('casework.date_hint')}
        value={noteDate}
        onChange={setNoteDate}
        error={messageAt(t, errors, 'noteDate')}
      />
      <TextAreaField name="body" label={t('journal.text')} value={body} onChange={setBody} error={messageAt(t, errors, 'body')} rows={8} />
      <p className="field-hint">{t('journal.draft_hint')}</p>
      <FormFooter
        form={submission}
        submitLabel={t('journal.save_draft')}
        onCancel={onCancel}
        cancelLabel={t('casework.cancel')}
        shownAtFields={issuesAtFields}
        summary
      />
    </form>
  );
}

function noteElementId(prefix: string, noteId: number): string {
  return `${prefix}-note-${noteId}`;
}

/** Dated notes. A signed note is never changed: a correction is a new note that points to it. */
export function JournalSection({ id, detail }: { id: string; detail: CaseDetail }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { user } = useCasework();
  const notes = useChannel('journal:list', { caseId: detail.id });
  const signNote = useMutation('journal:sign', () => [caseSectionKey('journal:list', detail.id)]);
  const [form, setForm] = useState<NoteForm>({ kind: 'none' });
  const [signing, setSigning] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { containerRef: focusRef, focusName, focusSelector } = useFocusRequest();
  const open = detail.status === 'open';
  const byId = new Map((notes.data ?? []).map((note) => [note.id, note]));

  const begin = (next: NoteForm): void => {
    setNotice(null);
    setError(null);
    setSigning(null);
    setForm(next);
    if (next.kind === 'none') focusSelector('[data-journal-new]');
    else focusName('body');
  };

  const saved = (note: JournalNote): void => {
    setForm({ kind: 'none' });
    setNotice(t('journal.draft_saved'));
    focusSelector(`[id="${noteElementId(id, note.id)}"]`);
  };

  const sign = (note: JournalNote): void => {
    setBusy(true);
    setError(null);
    signNote({ id: note.id }).then(
      () => {
        setBusy(false);
        setSigning(null);
        setNotice(t('journal.signed_done'));
        focusSelector(`[id="${noteElementId(id, note.id)}"]`);
      },
      (thrown: unknown) => {
        setBusy(false);
        setSigning(null);
        setError(toApiError(thrown));
      },
    );
  };

  const goToNote = (noteId: number): void => goToElement(document.getElementById(noteElementId(id, noteId)));
  const noteRef = (noteId: number): string => {
    const note = byId.get(noteId);
    return note ? t('journal.note_ref', { date: formatDay(note.noteDate, language), author: note.authorName }) : t('journal.note_ref_unknown');
  };

  return (
    <CaseSection id={id} title={t('journal.title')}>
      <div ref={focusRef}>
        {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
        <ApiErrorAlert error={error ?? notes.error} />
        {form.kind !== 'none' ? (
          <NoteEditor
            key={form.kind === 'new' ? 'new' : `${form.kind}-${form.note.id}`}
            caseId={detail.id}
            form={form}
            onSaved={saved}
            onCancel={() => begin({ kind: 'none' })}
          />
        ) : open ? (
          <div className="actions">
            <button type="button" data-journal-new onClick={() => begin({ kind: 'new' })}>
              {t('journal.new')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('journal.closed_case')}</p>
        )}
        {notes.data === null && notes.error === null ? <p role="status">{t('journal.loading')}</p> : null}
        {notes.data?.length === 0 ? <p className="muted">{t('journal.empty')}</p> : null}
        <ol className="note-list">
          {(notes.data ?? []).map((note) => {
            const signed = note.status === 'signed';
            // Only the author may change or sign a draft; names can be shared, ids cannot.
            const mine = note.authorId === user.id;
            return (
              <li key={note.id}>
                <article
                  id={noteElementId(id, note.id)}
                  tabIndex={-1}
                  className={`note note-${note.status}`}
                  aria-labelledby={`${noteElementId(id, note.id)}-title`}
                >
                  <header className="note-head">
                    <h3 id={`${noteElementId(id, note.id)}-title`} className="note-title">
                      {t('journal.note_title', { date: formatDay(note.noteDate, language), author: note.authorName })}
                    </h3>
                    <span className={`badge badge-${note.status}`}>{t(signed ? 'journal.signed' : 'journal.draft')}</span>
                  </header>
                  {note.correctsNoteId !== null ? (
                    <p className="note-link">
                      {t('journal.corrects', { note: noteRef(note.correctsNoteId) })}{' '}
                      <button type="button" className="button-link" onClick={() => note.correctsNoteId !== null && goToNote(note.correctsNoteId)}>
                        {t('journal.go_to_note')}
                      </button>
                    </p>
                  ) : null}
                  {note.correctedByNoteIds.map((correctionId) => (
                    <p key={correctionId} className="note-link note-corrected">
                      {t('journal.corrected_by', { note: noteRef(correctionId) })}{' '}
                      <button type="button" className="button-link" onClick={() => goToNote(correctionId)}>
                        {t('journal.go_to_note')}
                      </button>
                    </p>
                  ))}
                  <div className="note-body preserve-lines">{note.body}</div>
                  <p className="note-meta muted">
                    {signed && note.signedAt
                      ? t('journal.signed_at', { when: formatMoment(note.signedAt, language) })
                      : t('journal.written_at', { when: formatMoment(note.createdAt, language) })}
                  </p>
                  {!open ? null : signed ? (
                    <div className="actions">
                      <button type="button" className="button-secondary" onClick={() => begin({ kind: 'correct', note })}>
                        {t('journal.write_correction')}
                      </button>
                    </div>
                  ) : !mine ? (
                    <p className="muted">{t('journal.others_draft')}</p>
                  ) : signing === note.id ? (
                    <ConfirmInline
                      message={t('journal.sign_confirm')}
                      confirmLabel={t('journal.sign_yes')}
                      busy={busy}
                      onConfirm={() => sign(note)}
                      onCancel={() => setSigning(null)}
                    />
                  ) : (
                    <div className="actions">
                      <button type="button" className="button-secondary" onClick={() => begin({ kind: 'edit', note })}>
                        {t('journal.edit_draft')}
                      </button>
                      <button
                        type="button"
                        onClick={() => {
                          setNotice(null);
                          setError(null);
                          setForm({ kind: 'none' });
                          setSigning(note.id);
                        }}
                      >
                        {t('journal.sign')}
                      </button>
                    </div>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      </div>
    </CaseSection>
  );
}

import type { Language } from './language';

/**
 * The fixed texts of the files Fristad writes (log reviews, a survivor's log extract, reports),
 * beside the UI's catalogue and in its languages: the worker writes files without the renderer.
 */

/** Texts of a log review export and of a case's log extract. */
export const AUDIT_FILE_TEXTS = {
  sv: {
    reviewTitle: 'Loggkontroll',
    extractTitle: 'Loggutdrag för ärende',
    team: 'Team',
    exported: 'Exporterad',
    selection: 'Urval',
    chainHead: 'Loggkedjans senaste rad vid exporten',
    chainEmpty: 'loggen är tom',
    seqWord: 'sekvensnummer',
    rowsWord: 'Rader',
    rows: 'Loggrader',
    header: ['Nr', 'Tid', 'Användare', 'Roll', 'Händelse', 'Avser', 'Id', 'Ärende', 'Utfall', 'Motivering', 'Granskad av', 'Granskad', 'Kommentar'],
    extractHeader: ['Nr', 'Tid', 'Vem', 'Roll', 'Vad', 'Avser', 'Utfall', 'Motivering'],
    extractCase: 'Ärende',
    purgedCase: 'Gallrat ärende',
    reviewFootnote: 'Filen innehåller inga uppgifter ur ärendena, bara vem som gjorde vad och när.',
    extractFootnote:
      'Utdraget visar vem som har tagit del av eller ändrat uppgifter i ärendet och när, men inte själva uppgifterna. Motivering visas när någon har tagit fram skyddade personuppgifter.',
  },
  en: {
    reviewTitle: 'Log review',
    extractTitle: 'Log extract for case',
    team: 'Team',
    exported: 'Exported',
    selection: 'Selection',
    chainHead: 'Last row of the log chain at export',
    chainEmpty: 'the log is empty',
    seqWord: 'sequence number',
    rowsWord: 'Rows',
    rows: 'Log rows',
    header: ['No.', 'Time', 'User', 'Role', 'Action', 'Concerns', 'Id', 'Case', 'Outcome', 'Reason', 'Reviewed by', 'Reviewed', 'Comment'],
    extractHeader: ['No.', 'Time', 'Who', 'Role', 'What', 'Concerns', 'Outcome', 'Reason'],
    extractCase: 'Case',
    purgedCase: 'Purged case',
    reviewFootnote: 'The file holds nothing from the cases themselves, only who did what and when.',
    extractFootnote:
      'The extract shows who has seen or changed the information in the case and when, but not the information itself. A reason is shown where someone brought up protected personal details.',
  },
} as const satisfies Record<Language, object>;

/** Texts of a report file. */
export const REPORT_FILE_TEXTS = {
  sv: {
    title: 'Rapport till socialnämnden',
    team: 'Team',
    period: 'Period',
    previous: 'Föregående period',
    districts: 'Stadsdelar',
    allDistricts: 'Hela teamet',
    generated: 'Framtagen',
    current: 'aktuell',
    previousShort: 'föregående',
    row: 'Rad',
    footnote: (t: number) =>
      `Antal under ${t} visas som "<${t}" och vissa celler döljs så att de inte kan räknas fram ur summor. Ett mått över för få ärenden visas som "–". Rapporten innehåller inga personuppgifter.`,
  },
  en: {
    title: 'Report to the social welfare committee',
    team: 'Team',
    period: 'Period',
    previous: 'Previous period',
    districts: 'Districts',
    allDistricts: 'Whole team',
    generated: 'Generated',
    current: 'current',
    previousShort: 'previous',
    row: 'Row',
    footnote: (t: number) =>
      `Counts under ${t} are shown as "<${t}", and some cells are hidden so that they cannot be worked out from totals. A measure over too few cases is shown as "–". The report holds no personal data.`,
  },
} as const satisfies Record<Language, object>;

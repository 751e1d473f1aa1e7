import type { AuditActionName } from '../contract/audit-review';
import type { Language } from './language';

/**
 * Names of audit actions, entities and roles in Swedish and English. Both the worker (log files
 * and the survivor's extract, which it writes without the renderer's dictionaries) and the
 * renderer's review view read them here, so a log file and the screen say the same.
 */
export type AuditLanguage = Language;

const ACTIONS: Record<AuditLanguage, Record<AuditActionName, string>> = {
  sv: {
    read: 'Läste',
    export: 'Exporterade',
    create: 'Skapade',
    update: 'Ändrade',
    disable: 'Inaktiverade',
    setup: 'Installerade',
    unlock: 'Låste upp',
    failed_unlock: 'Misslyckad upplåsning',
    lock: 'Låste',
    change_passphrase: 'Bytte lösenfras',
    recover: 'Återställde åtkomst',
    failed_recover: 'Misslyckad återställning',
    verify: 'Kontrollerade',
    migrate: 'Uppgraderade databasen',
    delete: 'Tog bort',
    sign: 'Signerade',
    close: 'Avslutade',
    reopen: 'Öppnade igen',
    transition: 'Flyttade till nytt steg',
    backup: 'Säkerhetskopierade',
    restore: 'Återställde säkerhetskopia',
    print: 'Skrev ut',
    reveal: 'Visade skyddade uppgifter',
    share: 'Delade',
    unshare: 'Slutade dela',
    review: 'Granskade',
    purge: 'Gallrade',
    rollback_detected: 'Upptäckte äldre databas',
    acknowledge: 'Kvitterade',
  },
  en: {
    read: 'Read',
    export: 'Exported',
    create: 'Created',
    update: 'Changed',
    disable: 'Disabled',
    setup: 'Set up',
    unlock: 'Unlocked',
    failed_unlock: 'Failed unlock',
    lock: 'Locked',
    change_passphrase: 'Changed passphrase',
    recover: 'Recovered access',
    failed_recover: 'Failed recovery',
    verify: 'Verified',
    migrate: 'Upgraded the database',
    delete: 'Removed',
    sign: 'Signed',
    close: 'Closed',
    reopen: 'Reopened',
    transition: 'Moved to a new step',
    backup: 'Backed up',
    restore: 'Restored a backup',
    print: 'Printed',
    reveal: 'Revealed protected details',
    share: 'Shared',
    unshare: 'Stopped sharing',
    review: 'Reviewed',
    purge: 'Purged',
    rollback_detected: 'Found an older database',
    acknowledge: 'Acknowledged',
  },
};

const ENTITIES: Record<AuditLanguage, Record<string, string>> = {
  sv: {
    case: 'ärendet',
    case_list: 'ärendelistan',
    child: 'barn',
    perpetrator: 'utövare',
    journal: 'journalen',
    journal_note: 'journalanteckning',
    moves: 'flyttar',
    move: 'flytt',
    safe_distance_check: 'avståndskontroll',
    housing_steps: 'boendekedjan',
    housing_step: 'steg i boendekedjan',
    support_items: 'stödinsatser',
    support_item: 'stödinsats',
    assessments: 'riskbedömningar',
    assessment: 'riskbedömning',
    reminders: 'påminnelser',
    reminder: 'påminnelse',
    reminders_due: 'att göra-listan',
    kompotten_requests: 'Kompotten-förfrågningar',
    kompotten_request: 'Kompotten-förfrågan',
    kompotten_member: 'Kompotten-kommun',
    shelter: 'skyddat boende',
    report: 'rapport',
    audit_log: 'loggen',
    audit_sample: 'loggurval',
    audit_protected: 'åtkomst till skyddade ärenden',
    audit_review: 'logggranskning',
    case_log_extract: 'loggutdrag',
    case_share: 'delning av ärendet',
    case_shares: 'delningar av ärendet',
    damaged_database: 'skadad databas',
    database: 'databasen',
    retention: 'gallring',
    retention_decision: 'gallringsbeslut',
    rollback_warning: 'varning om äldre databas',
    protected_identity: 'skyddade personuppgifter',
    recovery_key: 'återställningsnyckeln',
    session: 'sessionen',
    settings: 'inställningar',
    backup: 'säkerhetskopia',
    backup_settings: 'inställningar för säkerhetskopior',
    backup_leftover: 'kvarlämnad fil',
    installation: 'installationen',
    user: 'användare',
    users: 'användarlistan',
    risk_instrument: 'bedömningsinstrument',
    risk_instruments: 'bedömningsinstrument',
  },
  en: {
    case: 'the case',
    case_list: 'the case list',
    child: 'child',
    perpetrator: 'perpetrator',
    journal: 'the journal',
    journal_note: 'journal note',
    moves: 'moves',
    move: 'move',
    safe_distance_check: 'safe-distance check',
    housing_steps: 'the housing chain',
    housing_step: 'housing-chain step',
    support_items: 'support',
    support_item: 'support item',
    assessments: 'risk assessments',
    assessment: 'risk assessment',
    reminders: 'reminders',
    reminder: 'reminder',
    reminders_due: 'the to-do list',
    kompotten_requests: 'Kompotten requests',
    kompotten_request: 'Kompotten request',
    kompotten_member: 'Kompotten municipality',
    shelter: 'shelter',
    report: 'report',
    audit_log: 'the log',
    audit_sample: 'log sample',
    audit_protected: 'access to protected cases',
    audit_review: 'log review',
    case_log_extract: 'log extract',
    case_share: 'sharing of the case',
    case_shares: 'shares of the case',
    damaged_database: 'damaged database',
    database: 'the database',
    retention: 'retention',
    retention_decision: 'retention decision',
    rollback_warning: 'warning about an older database',
    protected_identity: 'protected identity',
    recovery_key: 'the recovery key',
    session: 'the session',
    settings: 'settings',
    backup: 'backup',
    backup_settings: 'backup settings',
    backup_leftover: 'left-over file',
    installation: 'the installation',
    user: 'user',
    users: 'the user list',
    risk_instrument: 'risk instrument',
    risk_instruments: 'risk instruments',
  },
};

const ROLES: Record<AuditLanguage, Record<string, string>> = {
  sv: { administrator: 'Administratör', team_lead: 'Gruppledare', caseworker: 'Handläggare', auditor: 'Granskare' },
  en: { administrator: 'Administrator', team_lead: 'Team lead', caseworker: 'Caseworker', auditor: 'Auditor' },
};

const OUTCOMES: Record<AuditLanguage, Record<string, string>> = {
  sv: { ok: 'Genomförd', denied: 'Nekad', failed: 'Misslyckad' },
  en: { ok: 'Done', denied: 'Denied', failed: 'Failed' },
};

/** What an action or entity a newer version wrote is called: its code is never shown. */
const UNKNOWN: Record<AuditLanguage, string> = { sv: 'okänd (från en nyare version)', en: 'unknown (from a newer version)' };

/** The entities the log names, so a test can say each of them in both languages. */
export const AUDIT_ENTITIES: readonly string[] = Object.keys(ENTITIES.sv);

const own = (table: Record<string, string>, key: string): string | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/** The name of an action; an unknown one (a newer version's) is named as such, never by its code. */
export function actionName(lang: AuditLanguage, action: string): string {
  return own(ACTIONS[lang], action) ?? UNKNOWN[lang];
}

/** The name of the kind of thing an action concerned; an unknown one is named as such, never by its code. */
export function entityName(lang: AuditLanguage, entity: string): string {
  return own(ENTITIES[lang], entity) ?? UNKNOWN[lang];
}

/** The name of a role; '' for a row without one (failed unlocks of unknown users). */
export function roleName(lang: AuditLanguage, role: string | null): string {
  return role === null ? '' : (own(ROLES[lang], role) ?? role);
}

/** The name of an outcome. */
export function outcomeName(lang: AuditLanguage, outcome: string): string {
  return own(OUTCOMES[lang], outcome) ?? outcome;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO instant as local 'YYYY-MM-DD HH:MM:SS' (the computer's time zone). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

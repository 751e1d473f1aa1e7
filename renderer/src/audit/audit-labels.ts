import { actionName, entityName, localDateTime, outcomeName, roleName } from '../../../core/i18n/audit-texts';
import { useLanguageStore } from '../i18n/language-store';

/** Names of actions, entities, roles and outcomes in the UI language (the same texts as the log files). */
export function useAuditLabels() {
  const language = useLanguageStore((state) => state.language);
  return {
    language,
    action: (code: string) => actionName(language, code),
    entity: (code: string) => entityName(language, code),
    role: (code: string | null) => roleName(language, code),
    outcome: (code: string) => outcomeName(language, code),
    time: localDateTime,
  };
}

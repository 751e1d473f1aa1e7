import { LANGUAGES, useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { SelectField } from './select-field';

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const setLanguage = useLanguageStore((state) => state.setLanguage);
  const options = LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }));
  return (
    <SelectField
      name="language"
      className={`language-switch${className ? ` ${className}` : ''}`}
      label={t('language.label')}
      value={language}
      options={options}
      onChange={setLanguage}
    />
  );
}

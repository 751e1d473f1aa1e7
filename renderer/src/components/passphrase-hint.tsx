import { PASSPHRASE_MIN_LENGTH } from '../../../core/contract';
import { passphraseStrength } from '../../../core/rules/passphrase-strength';
import { useT } from '../i18n/use-t';

/** The length rule, and once typing starts, a strength estimate with suggestions. Advice only. */
export function PassphraseHint({ passphrase }: { passphrase: string }) {
  const t = useT();
  const rule = <p>{t('passphrase.rule', { min: PASSPHRASE_MIN_LENGTH })}</p>;
  if (passphrase === '') return rule;
  const { score, hints } = passphraseStrength(passphrase);
  return (
    <>
      {rule}
      <div className="strength">
        <span className={`strength-bar strength-${score}`} aria-hidden="true">
          <span />
          <span />
          <span />
          <span />
        </span>
        <span className="strength-label">{t('passphrase.strength', { level: t(`passphrase.level_${score}`) })}</span>
      </div>
      {hints.length > 0 ? (
        <ul className="strength-hints">
          {hints.map((hint) => (
            <li key={hint}>{t(`passphrase.hint_${hint}`)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

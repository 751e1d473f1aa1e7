import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { isMasked, type Masked } from '../../../core/contract';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';

/**
 * True inside a case with protected personal data. Its revealed values are then marked
 * `.protected-value` (or `.protected-field` around a form field): print styles leave them out and
 * the copy guard keeps them off the clipboard, because a revealed address is meant to be read on
 * screen for a few minutes, not to end up on paper or in a mail.
 */
export const ProtectedCaseContext = createContext(false);

/** The word shown where a protected value is masked. */
export function MaskedText() {
  const t = useT();
  return <span className="masked-value">{t('protect.masked')}</span>;
}

/**
 * A value that may be masked: the masked word, or the value (through `children` when given).
 * In a protected case the shown value is marked so it neither prints nor copies.
 */
export function Shown<T>({ value, children, block = false }: { value: T | Masked; children?: (value: T) => ReactNode; block?: boolean }) {
  const t = useT();
  const inProtected = useContext(ProtectedCaseContext);
  if (isMasked(value)) return <MaskedText />;
  const content = children ? children(value) : (value as ReactNode);
  if (!inProtected) return <>{content}</>;
  return (
    <>
      {block ? <div className="protected-value">{content}</div> : <span className="protected-value">{content}</span>}
      <span className="protect-print-mask" aria-hidden="true">
        {t('protect.masked')}
      </span>
    </>
  );
}

/** A possibly masked value as text, for titles, labels and notices. */
export function textOf(t: Translate, value: string | Masked): string {
  return isMasked(value) ? t('protect.masked') : value;
}

/**
 * A form field of a protected value: in its place, when masked, a line saying it is protected
 * and is left as it is (the form leaves it out of what it sends); otherwise the field itself.
 */
export function MaskableField({ masked, label, children }: { masked: boolean; label: string; children: ReactNode }) {
  const t = useT();
  const inProtected = useContext(ProtectedCaseContext);
  if (masked) {
    return (
      <div className="field field-wide masked-field">
        <span className="field-label">{label}</span>
        <p className="masked-field-text">
          <MaskedText /> <span className="hint">{t('protect.masked_field')}</span>
        </p>
      </div>
    );
  }
  return inProtected ? <div className="protected-field">{children}</div> : <>{children}</>;
}

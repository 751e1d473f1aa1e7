/**
 * Keeps revealed protected values off the clipboard. A reveal is for reading on screen, and the
 * audit log records who revealed what and why; a copied address leaves that record behind the
 * moment it is pasted into a mail or a document. Copying a stretch of the page still works: the
 * protected values in it are replaced by the masked word.
 */
const PROTECTED = '.protected-value, .protected-field';

function textWithoutProtected(doc: Document, ranges: readonly Range[], masked: string): string {
  return ranges
    .map((range) => {
      const fragment = range.cloneContents();
      for (const el of fragment.querySelectorAll(PROTECTED)) el.replaceWith(doc.createTextNode(masked));
      for (const el of fragment.querySelectorAll('.protect-print-mask')) el.remove();
      return fragment.textContent;
    })
    .join('\n');
}

/** Installs the guard on a document for copy and cut; returns its removal. */
export function installCopyGuard(doc: Document, maskedWord: () => string): () => void {
  const onCopy = (event: ClipboardEvent): void => {
    const target = event.target instanceof Element ? event.target : null;
    // A field's own selection (an input or text area of a revealed value) is not in the document's ranges.
    if (target?.closest(PROTECTED)) {
      event.preventDefault();
      event.clipboardData?.setData('text/plain', maskedWord());
      return;
    }
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
    const protectedElements = [...doc.querySelectorAll(PROTECTED)];
    if (!ranges.some((range) => protectedElements.some((el) => range.intersectsNode(el)))) return;
    event.preventDefault();
    event.clipboardData?.setData('text/plain', textWithoutProtected(doc, ranges, maskedWord()));
  };
  doc.addEventListener('copy', onCopy, true);
  doc.addEventListener('cut', onCopy, true);
  return () => {
    doc.removeEventListener('copy', onCopy, true);
    doc.removeEventListener('cut', onCopy, true);
  };
}

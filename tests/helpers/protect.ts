import { isMasked, type Masked } from '../../core/contract';

/** The value of a protected field the test expects to see unmasked; fails loudly on a mask. */
export function unmasked<T>(value: T | Masked): T {
  if (isMasked(value)) throw new Error('expected a real value, got a masked one');
  return value;
}

/** Notation every view writes: layer superscripts (W², δ¹). */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** n in superscript digits: sup(12) = "¹²". */
export function sup(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
}

/**
 * The value of a number as the screen writes it: a true minus sign (−) or a hyphen, "589e−6",
 * "1.2346·10⁻⁵", "57.2×10⁻⁶", in parentheses after an operator ("(−0.5)"). NaN when the text is
 * not one.
 */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function readShown(text: string): number {
  const plain = text
    .replace(/[()]/g, '')
    .replace(/−/g, '-')
    .replace(/[·×]10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/, (_, minus: string, digits: string) => `e${minus ? '-' : ''}${[...digits].map((d) => SUPERSCRIPT.indexOf(d)).join('')}`);
  return plain.trim() === '' ? NaN : Number(plain);
}

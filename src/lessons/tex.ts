/**
 * A lesson text, placeholders filled, split into plain text and TeX: `$…$` is TeX for KaTeX,
 * `\$` a dollar sign. (placeholders.ts keeps both as written, so this split sees them intact.)
 */
export type TexPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'tex'; readonly tex: string };

export function splitTex(text: string): TexPart[] {
  const parts: TexPart[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '$') {
      plain += '$';
      i++;
    } else if (c === '$' && text.indexOf('$', i + 1) > i) {
      const end = text.indexOf('$', i + 1);
      if (plain !== '') parts.push({ kind: 'text', text: plain });
      plain = '';
      parts.push({ kind: 'tex', tex: text.slice(i + 1, end) });
      i = end;
    } else plain += c;
  }
  if (plain !== '') parts.push({ kind: 'text', text: plain });
  return parts;
}

/** The text a reader without KaTeX sees: the TeX source without its dollars. */
export function plainText(text: string): string {
  return splitTex(text)
    .map((p) => (p.kind === 'text' ? p.text : p.tex))
    .join('');
}

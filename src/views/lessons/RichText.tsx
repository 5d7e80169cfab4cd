/**
 * A lesson text with its TeX typeset by KaTeX. KaTeX (and its CSS and fonts) is fetched the
 * first time a lesson shows TeX, never with the lab; until it arrives (or if it cannot, offline
 * without the chunk) the formula shows as plain text (tex-text.ts: ∂L/∂W³ = (1/m) a²ᵀδ³), not
 * as its TeX source, and moves little when KaTeX replaces it.
 */
import { useEffect, useState } from 'react';
import { splitTex } from '../../lessons/tex.ts';
import { readableIndices } from '../shared/indices.tsx';
import { texAsText } from '../shared/tex-text.ts';

type Katex = typeof import('katex').default;

let katexLoad: Promise<Katex> | null = null;
function loadKatex(): Promise<Katex> {
  katexLoad ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m.default);
  return katexLoad;
}
let katexLoaded: Katex | null = null;

export function RichText({ text }: { text: string }) {
  const parts = splitTex(text);
  const hasTex = parts.some((p) => p.kind === 'tex');
  const [katex, setKatex] = useState<Katex | null>(katexLoaded);
  useEffect(() => {
    if (!hasTex || katex !== null) return;
    let live = true;
    loadKatex()
      .then((k) => {
        katexLoaded = k;
        if (live) setKatex(() => k);
      })
      .catch(() => {}); // offline without the chunk: the formula stays as plain text
    return () => {
      live = false;
    };
  }, [hasTex, katex]);
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'text' ? (
          <span key={i}>{readableIndices(p.text)}</span>
        ) : katex === null ? (
          <span key={i} className="lesson-tex-source">{readableIndices(texAsText(p.tex))}</span>
        ) : (
          <span key={i} className="lesson-tex" dangerouslySetInnerHTML={{ __html: katex.renderToString(p.tex, { throwOnError: false, output: 'htmlAndMathml' }) }} />
        ),
      )}
    </>
  );
}

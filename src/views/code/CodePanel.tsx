/**
 * The code panel: the current network's training step as NumPy code that runs, in either
 * textbook style and either convention, with the lines of the current phase highlighted,
 * line numbers, and a Copy button. The code comes from numpyCode(); the network from the
 * engine's ready info, the hyperparameters from the config store. The convention follows the
 * screen's; choosing another here holds until the screen's switch changes.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { phaseLabel, type Phase } from '../../core/phases.ts';
import type { Convention as ScreenConvention } from '../../store/ui.ts';
import { useConfig, useLiveRun, useRun, useUi } from '../lab-context.tsx';
import { ExportProgram } from './ExportProgram.tsx';
import { useCodeMessages } from './messages.ts';
import { numpyCode, type CodeStyle, type Convention } from './numpy.ts';
import './code.css';

type Translate = ReturnType<typeof useCodeMessages>;

/** "3, 5–7, 9" for the sorted line numbers 3, 5, 6, 7, 9. */
export function lineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(j === i ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Where a line's comment starts (a # outside a string), or −1. */
function commentStart(text: string): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return i;
  }
  return -1;
}

function phaseName(phase: Phase, t: Translate): string {
  return phase.kind === 'forward' || phase.kind === 'backward' ? t(`phase.${phase.kind}`, { l: phase.layer }) : t(`phase.${phase.kind}`);
}

export function CodePanel({ height = 360 }: { height?: number }) {
  const t = useCodeMessages();
  const id = useId();
  const network = useRun((s) => s.info?.network ?? null);
  const hyper = useConfig((s) => s.experiment.hyper);
  const phase = useLiveRun((s) => s.snapshot?.phase ?? null);
  const [style, setStyle] = useState<CodeStyle>('layers');
  const screenConvention = useUi((s) => s.convention);
  const [override, setOverride] = useState<{ readonly screen: ScreenConvention; readonly chosen: Convention } | null>(null);
  const convention: Convention = override !== null && override.screen === screenConvention ? override.chosen : screenConvention === 'rows' ? 'row' : 'column';
  const setConvention = (chosen: Convention) => setOverride({ screen: screenConvention, chosen });
  useEffect(() => setOverride(null), [screenConvention]); // a new choice on the screen ends the panel's own
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const listing = useRef<HTMLPreElement>(null);
  const resetCopy = useRef<ReturnType<typeof setTimeout> | null>(null);

  const code = useMemo(() => (network === null ? null : numpyCode(network, hyper, style, convention)), [network, hyper, style, convention]);
  const key = phase === null ? null : phaseLabel(phase);
  const current = useMemo(() => new Set(key === null || code === null ? [] : (code.phaseLines.get(key) ?? [])), [code, key]);

  // Keep the highlighted lines in view, scrolling only the listing (never the page).
  useEffect(() => {
    const pre = listing.current;
    const first = pre?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!pre || !first) return;
    const top = first.offsetTop;
    if (top < pre.scrollTop || top + first.offsetHeight > pre.scrollTop + pre.clientHeight) pre.scrollTop = Math.max(0, top - pre.clientHeight / 3);
  }, [current]);
  useEffect(() => () => void (resetCopy.current !== null && clearTimeout(resetCopy.current)), []);

  if (network === null || code === null) return <section className="code-panel"><p className="code-intro">{t('waiting')}</p></section>;

  const text = code.lines.join('\n') + '\n';
  const onCopy = () => {
    const done = (state: 'copied' | 'failed') => {
      setCopy(state);
      if (resetCopy.current !== null) clearTimeout(resetCopy.current);
      resetCopy.current = setTimeout(() => setCopy('idle'), 2000);
    };
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard === undefined) return done('failed');
    clipboard.writeText(text).then(
      () => done('copied'),
      () => done('failed'),
    );
  };

  const radio = <V extends string>(group: string, value: V, chosen: V, set: (v: V) => void, label: string) => (
    <label>
      <input type="radio" name={`${id}-${group}`} value={value} checked={value === chosen} onChange={() => set(value)} /> {label}
    </label>
  );
  const highlighted = [...current];

  return (
    <section className="code-panel" aria-label={t('title')}>
      <p className="code-intro">{t('intro', { layers: network.layers.map((l) => l.units).join('-') })}</p>
      <div className="code-toolbar">
        <fieldset>
          <legend>{t('style')}</legend>
          {radio('style', 'layers', style, setStyle, t('style.layers'))}
          {radio('style', 'loop', style, setStyle, t('style.loop'))}
        </fieldset>
        <fieldset>
          <legend>{t('convention')}</legend>
          {radio('convention', 'row', convention, setConvention, t('convention.row'))}
          {radio('convention', 'column', convention, setConvention, t('convention.column'))}
        </fieldset>
        <button type="button" className="code-copy" onClick={onCopy}>
          {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : t('copy')}
        </button>
        <ExportProgram style={style} convention={convention} t={t} />
      </div>
      <p className="code-phase" aria-live="polite" data-testid="code-phase">
        {phase === null || highlighted.length === 0 ? t('phase.none') : t('phase.current', { phase: phaseName(phase, t), lines: lineRanges(highlighted) })}
      </p>
      <pre ref={listing} className="code-listing" style={{ maxHeight: height }} tabIndex={0} aria-label={t('listing', { count: code.lines.length })}>
        <code>
          {code.lines.map((line, i) => {
            const n = i + 1;
            const on = current.has(n);
            const hash = commentStart(line);
            return (
              <span key={n} className={on ? 'code-line current' : 'code-line'} data-line={n} aria-current={on ? 'true' : undefined}>
                <span className="code-ln" aria-hidden="true">
                  {n}
                </span>
                {hash < 0 ? line : line.slice(0, hash)}
                {hash >= 0 && <span className="code-comment">{line.slice(hash)}</span>}
              </span>
            );
          })}
        </code>
      </pre>
    </section>
  );
}

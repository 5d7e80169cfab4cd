/**
 * The chain-rule inspector: for the selected weight Wˡ[i][j] (or the bias bˡ[j] of the selected
 * unit) it shows, with the numbers of the latest trace, the input a_i, the error term δ_j and
 * where it comes from, every sample's share of ∂L/∂θ, the regularization term, the gradient,
 * and the update. Every number is the core's own (see chain.ts); formulas are typeset by KaTeX.
 */
import { useId, useState } from 'react';
import type { NetworkSpec, Regularization } from '../../core/spec.ts';
import type { Trace } from '../../core/trace.ts';
import type { Selection } from '../../store/ui.ts';
import { useConfig, useLiveRun, useRun, useUi } from '../lab-context.tsx';
import { stepNumber } from '../shared/shown-phase.ts';
import { chainOf, pickRegularization, type Chain } from './chain.ts';
import { DeltaDerivation } from './DeltaView.tsx';
import { GradientSection, paramSym, UpdateSection } from './GradientView.tsx';
import { useInspectorMessages, type InspectorMessages } from './messages.ts';
import { symbols, tex, Tex, txt, type Symbols } from './tex.tsx';
import { unbrokenFractions } from '../shared/indices.tsx';
import './inspector.css';

/** Samples whose derivation is shown when the picker is on "all samples". */
export const ALL_SAMPLES_SHOWN = 3;

/** The selected weight or bias as (layer, i, j), or null when it is not part of the trace. */
function locate(selection: NonNullable<Selection>, trace: Trace): { l: number; i: number | null; j: number } | null {
  const layer = trace.layers[selection.layer - 1];
  if (layer === undefined) return null;
  if (selection.kind === 'weight') {
    const ok = selection.i >= 0 && selection.i < layer.W.rows && selection.j >= 0 && selection.j < layer.W.cols;
    return ok ? { l: selection.layer, i: selection.i, j: selection.j } : null;
  }
  return selection.unit >= 0 && selection.unit < layer.b.length ? { l: selection.layer, i: null, j: selection.unit } : null;
}

export function Inspector() {
  const m = useInspectorMessages();
  const selection = useUi((s) => s.selection);
  const focus = useUi((s) => s.sample);
  const setSample = useUi((s) => s.setSample);
  const convention = useUi((s) => s.convention);
  const trace = useLiveRun((s) => s.trace);
  const info = useRun((s) => s.info);
  const hyper = useConfig((s) => s.experiment.hyper);
  const [all, setAll] = useState(false);
  const pickerId = useId();

  const empty = (text: string) => (
    <section className="inspector" aria-label={m('title')}>
      <p className="inspector-empty">{text}</p>
    </section>
  );
  if (selection === null) return empty(m('empty.selection'));
  if (selection.kind === 'unit' && selection.layer === 0) return empty(m('empty.input'));
  if (trace === null || info === null) return empty(m('empty.trace'));
  const spec = info.network;
  const at = spec.layers.length - 1 === trace.layers.length ? locate(selection, trace) : null;
  if (at === null) return empty(m('empty.stale'));

  const candidates: Regularization[] = [hyper.regularization, info.hyper.regularization];
  const reg = at.i === null ? candidates[0]! : pickRegularization(trace, at.l, at.i, at.j, candidates);
  const chain = chainOf(trace, at.l, at.i, at.j, reg);
  const k = Math.min(Math.max(0, focus), chain.m - 1);
  const samples = all ? Array.from({ length: Math.min(chain.m, ALL_SAMPLES_SHOWN) }, (_, s) => s) : [k];
  const optimizer = hyper.optimizer.kind !== 'sgd' ? hyper.optimizer.kind : info.hyper.optimizer.kind;
  const n = symbols(convention);
  const p = paramSym(n, chain);

  return (
    <section className="inspector" aria-label={m('title')}>
      {(info.bugs?.length ?? 0) > 0 && (
        <p role="note" className="inspector-bugs">
          {m('bugs', { bugs: info.bugs!.join(', ') })}
        </p>
      )}
      <header className="inspector-header">
        <h3>{chain.kind === 'weight' ? m('heading.weight', { name: p.txt, i: chain.i, j: chain.j, below: chain.layer - 1, l: chain.layer }) : m('heading.bias', { name: p.txt, j: chain.j, l: chain.layer })}</h3>
        <p className="inspector-meta">
          {m('step', { step: stepNumber(trace), m: chain.m })}
          {' · '}
          <label htmlFor={pickerId}>{m('picker')}</label>{' '}
          <select
            id={pickerId}
            value={all ? 'all' : String(k)}
            onChange={(e) => {
              if (e.target.value === 'all') setAll(true);
              else {
                setAll(false);
                setSample(Number(e.target.value));
              }
            }}
          >
            <option value="all">{m('picker.all')}</option>
            {Array.from({ length: chain.m }, (_, s) => (
              <option key={s} value={s}>
                {m('picker.sample', { s })}
              </option>
            ))}
          </select>
        </p>
      </header>
      {samples.map((s) => (
        <SampleBlock key={s} n={n} chain={chain} trace={trace} spec={spec} s={s} m={m} />
      ))}
      {all && chain.m > samples.length && <p className="inspector-note">{m('delta.more', { shown: samples.length, m: chain.m })}</p>}
      <h4>{unbrokenFractions(m('section.batch', { name: p.txt }))}</h4>
      {chain.gradient !== null ? (
        <GradientSection n={n} chain={chain} focus={all ? null : k} m={m} />
      ) : chain.inputs === null ? (
        <p className="inspector-wait">{m('wait.input', { name: n.input(chain.layer, chain.i, null).txt, l: chain.layer - 1 })}</p>
      ) : (
        <p className="inspector-wait">{unbrokenFractions(m('wait.gradient', { name: p.txt, l: chain.layer }))}</p>
      )}
      <h4>{m('section.update')}</h4>
      <UpdateSection n={n} chain={chain} optimizer={optimizer} m={m} />
    </section>
  );
}

/** One sample: its input a_i, its δ_j and where δ comes from, and its share of the gradient. */
function SampleBlock({ n, chain, trace, spec, s, m }: { n: Symbols; chain: Chain; trace: Trace; spec: NetworkSpec; s: number; m: InspectorMessages }) {
  const { layer: l, i, j } = chain;
  const input = n.input(l, i, s);
  const a = chain.inputs?.[s];
  const d = chain.deltas?.[s];
  const delta = n.delta(l, j, s);
  const share = chain.gradient?.contributions[s]?.value;
  return (
    <div className="inspector-sample" data-sample={s}>
      <h4>{m('section.sample', { s })}</h4>
      {chain.kind === 'weight' && (
        <div className="inspector-line">
          <span className="inspector-label">{m('input.weight')}</span>
          {a === undefined ? (
            <span className="inspector-wait">{m('wait.input', { name: input.txt, l: l - 1 })}</span>
          ) : (
            <Tex tex={`${input.tex} = ${tex(a)}`} label={`${input.txt} = ${txt(a)}`} />
          )}
        </div>
      )}
      <DeltaDerivation n={n} trace={trace} spec={spec} l={l} j={j} s={s} m={m} />
      {share !== undefined && a !== undefined && d !== undefined && (
        <div className="inspector-line">
          <span className="inspector-label">{m('input.contribution')}</span>
          {chain.kind === 'weight' ? (
            <Tex
              tex={`\\tfrac{1}{m}\\,${input.tex}\\,${delta.tex} = \\tfrac{1}{${chain.m}}\\cdot ${tex(a, true)}\\cdot ${tex(d, true)} = ${tex(share)}`}
              label={`(1/m)·${input.txt}·${delta.txt} = (1/${chain.m})·${txt(a, true)}·${txt(d, true)} = ${txt(share)}`}
            />
          ) : (
            <Tex
              tex={`\\tfrac{1}{m}\\,${delta.tex} = \\tfrac{1}{${chain.m}}\\cdot ${tex(d, true)} = ${tex(share)}`}
              label={`(1/m)·${delta.txt} = (1/${chain.m})·${txt(d, true)} = ${txt(share)}`}
            />
          )}
        </div>
      )}
    </div>
  );
}

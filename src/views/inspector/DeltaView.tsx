/**
 * Where δˡ[s][j] comes from, for one sample s: from the loss at the output layer, or as
 * (Σₖ Wˡ⁺¹[j][k]·δˡ⁺¹[s][k])·f'(zˡ[s][j]) below it, with every term's number listed; indices
 * written in the screen's convention (columns: Σₖ Wˡ⁺¹[k][j]·δˡ⁺¹[k][s], the row of Wᵀ·δ).
 */
import { activation, type ActivationName } from '../../core/activations.ts';
import { loss as lossOf } from '../../core/losses.ts';
import type { NetworkSpec } from '../../core/spec.ts';
import type { Trace } from '../../core/trace.ts';
import { deltaOf, derivativeAt, type DeltaSource } from './chain.ts';
import type { InspectorMessages } from './messages.ts';
import { sup } from '../shared/notation.ts';
import { tex, Tex, txt, workedNumbers, type Symbols } from './tex.tsx';

/** Terms listed one by one in the table (the rest are summed in one row). */
const MAX_TERMS = 16;
/** Terms written out inside the formula. */
const INLINE_TERMS = 3;

interface Line {
  readonly tex: string;
  readonly txt: string;
}

/**
 * f'(z) with its numbers, from what the activation declares: its rule in a worked out (sigmoid:
 * a(1 − a)), or for a piecewise f the side of the nearest kink z is on (ReLU: z > 0), or the value.
 */
export function fPrimeLine(n: Symbols, name: ActivationName, l: number, j: number, s: number, z: number, a: number, fPrime: number): Line {
  const zs = n.z(l, j, s);
  const head = { tex: `f'(${zs.tex})`, txt: `f'(${zs.txt})` };
  const f = activation(name);
  const worked = f.formula.worked;
  if (worked !== undefined) {
    // The rule is worked on a, with the digits of a that reproduce f'(z) as shown.
    const w = workedNumbers([a], ([av]) => derivativeAt(name, z, av!), fPrime);
    const fill = (t: string, num: (x: number, paren?: boolean) => string) => t.replaceAll('{(a)}', num(a, true)).replaceAll('{a}', num(a));
    return {
      tex: `${head.tex} = ${worked.tex.rule} = ${fill(worked.tex.numbers, w.tex)} = ${tex(fPrime)}`,
      txt: `${head.txt} = ${worked.text.rule} = ${fill(worked.text.numbers, w.txt)} = ${txt(fPrime)}`,
    };
  }
  if (f.kinks.length > 0) {
    const kink = f.kinks.reduce((best, k) => (Math.abs(z - k) < Math.abs(z - best) ? k : best));
    const above = z > kink;
    return {
      tex: `${zs.tex} = ${tex(z)} ${above ? '>' : '\\le'} ${tex(kink)} \\;\\Rightarrow\\; ${head.tex} = ${tex(fPrime)}`,
      txt: `${zs.txt} = ${txt(z)} ${above ? '>' : '≤'} ${txt(kink)} ⇒ ${head.txt} = ${txt(fPrime)}`,
    };
  }
  return { tex: `${head.tex} = ${tex(fPrime)}`, txt: `${head.txt} = ${txt(fPrime)}` };
}

/** The output layer's δ from the loss, with the numbers substituted. */
function outputLines(n: Symbols, src: Extract<DeltaSource, { kind: 'output' }>, l: number, j: number, s: number, delta: number, k: number): Line[] {
  const d = n.delta(l, j, s);
  const y = n.output('y', j, s);
  const t = n.output('t', j, s);
  // Each worked line's operands with the digits that reproduce δ as shown.
  const diff = (w: ReturnType<typeof workedNumbers>) => ({ tex: `${w.tex(src.y)} - ${w.tex(src.t, true)}`, txt: `${w.txt(src.y)} − ${w.txt(src.t, true)}` });
  if (src.fPrime === null) {
    if (lossOf(src.loss).output === 'softmax' && src.tSum !== 1) {
      const w = workedNumbers([src.y, src.tSum, src.t], ([yv, sum, tv]) => yv! * sum! - tv!, delta);
      return [{
        tex: `${d.tex} = ${y.tex}\\textstyle\\sum_c t^{(${s})}_c - ${t.tex} = ${w.tex(src.y)}\\cdot ${w.tex(src.tSum, true)} - ${w.tex(src.t, true)} = ${tex(delta)}`,
        txt: `${d.txt} = ${y.txt}·Σc ${n.output('t', 'c', s).txt} − ${t.txt} = ${w.txt(src.y)}·${w.txt(src.tSum, true)} − ${w.txt(src.t, true)} = ${txt(delta)}`,
      }];
    }
    const byHand = diff(workedNumbers([src.y, src.t], ([yv, tv]) => yv! - tv!, delta));
    return [{ tex: `${d.tex} = ${y.tex} - ${t.tex} = ${byHand.tex} = ${tex(delta)}`, txt: `${d.txt} = ${y.txt} − ${t.txt} = ${byHand.txt} = ${txt(delta)}` }];
  }
  const zs = n.z(l, j, s);
  const factor = lossOf(src.loss).deltaFactor;
  const cValue = src.factor ?? 1;
  const w = workedNumbers([src.y, src.t, src.fPrime], ([yv, tv, fv]) => cValue * (yv! - tv!) * fv!, delta);
  const diffTex = diff(w).tex;
  const diffTxt = diff(w).txt;
  const c = { tex: factor?.tex(k) ?? '', txt: factor?.text(k) ?? '' };
  return [
    {
      tex: `${d.tex} = ${c.tex}\\left(${y.tex} - ${t.tex}\\right) f'(${zs.tex}) = ${c.tex}\\left(${diffTex}\\right)\\cdot ${w.tex(src.fPrime, true)} = ${tex(delta)}`,
      txt: `${d.txt} = ${c.txt}(${y.txt} − ${t.txt})·f'(${zs.txt}) = ${c.txt}(${diffTxt})·${w.txt(src.fPrime, true)} = ${txt(delta)}`,
    },
    fPrimeLine(n, src.activation, l, j, s, src.z, src.a, src.fPrime),
  ];
}

/** The hidden layer's δ: the sum over the units above, times f'(z). */
function hiddenLines(n: Symbols, src: Extract<DeltaSource, { kind: 'hidden' }>, l: number, j: number, s: number, delta: number): Line[] {
  const d = n.delta(l, j, s);
  const zs = n.z(l, j, s);
  const w = n.W(l + 1, j, 'k');
  const dk = n.delta(l + 1, 'k', s);
  const sumSym = { tex: `\\sum_{k} ${w.tex}\\,${dk.tex}`, txt: `Σₖ ${w.txt}·${dk.txt}` };
  const general = { tex: `\\Big(${sumSym.tex}\\Big)\\, f'(${zs.tex})`, txt: `(${sumSym.txt})·f'(${zs.txt})` };
  const shown = src.terms.slice(0, src.terms.length <= INLINE_TERMS ? INLINE_TERMS : INLINE_TERMS - 1);
  const more = src.terms.length - shown.length;
  // Written out in full, the sum is a worked line too; cut short ("+ ⋯"), it cannot be checked by hand.
  const terms = more > 0 ? { tex, txt } : workedNumbers(shown.flatMap((t) => [t.w, t.delta]), (xs) => xs.reduce((sum, x, i) => (i % 2 === 1 ? sum + xs[i - 1]! * x : sum), 0), src.sum);
  const termsTex = shown.map((t, n) => `${terms.tex(t.w, n > 0)}\\cdot ${terms.tex(t.delta, true)}`).join(' + ') + (more > 0 ? ' + \\cdots' : '');
  const termsTxt = shown.map((t, n) => `${terms.txt(t.w, n > 0)}·${terms.txt(t.delta, true)}`).join(' + ') + (more > 0 ? ' + …' : '');
  const product = workedNumbers([src.sum, src.fPrime], ([sv, fv]) => sv! * fv!, delta);
  return [
    {
      tex: `\\begin{aligned}${d.tex} &= ${general.tex} \\\\ &= ${product.tex(src.sum, true)}\\cdot ${product.tex(src.fPrime, true)} = ${tex(delta)}\\end{aligned}`,
      txt: `${d.txt} = ${general.txt} = ${product.txt(src.sum, true)}·${product.txt(src.fPrime, true)} = ${txt(delta)}`,
    },
    { tex: `${sumSym.tex} = ${termsTex} = ${tex(src.sum)}`, txt: `${sumSym.txt} = ${termsTxt} = ${txt(src.sum)}` },
    fPrimeLine(n, src.activation, l, j, s, src.z, src.a, src.fPrime),
  ];
}

/** The table of Σₖ Wˡ⁺¹[j][k]·δˡ⁺¹[s][k], then × f'(z) = δ, each with its exact value. */
function TermsTable({ n, src, l, j, s, delta, m }: { n: Symbols; src: Extract<DeltaSource, { kind: 'hidden' }>; l: number; j: number; s: number; delta: number; m: InspectorMessages }) {
  const listed = src.terms.slice(0, MAX_TERMS);
  const rest = src.terms.slice(MAX_TERMS);
  let restSum = 0;
  for (const t of rest) restSum += t.product;
  return (
    <table className="inspector-table terms">
      <caption>{m('terms.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">k</th>
          <th scope="col">{n.W(l + 1, j, 'k').txt}</th>
          <th scope="col">{n.delta(l + 1, 'k', s).txt}</th>
          <th scope="col">W·δ</th>
        </tr>
      </thead>
      <tbody>
        {listed.map((t) => {
          // Each row is a worked product: W and δ with the digits that give W·δ as shown.
          const row = workedNumbers([t.w, t.delta], ([w, d]) => w! * d!, t.product);
          return (
            <tr key={t.k}>
              <td>{t.k}</td>
              <td>{row.txt(t.w)}</td>
              <td>{row.txt(t.delta)}</td>
              <td data-cell="term" data-value={String(t.product)}>{txt(t.product)}</td>
            </tr>
          );
        })}
        {rest.length > 0 && (
          <tr>
            <td colSpan={3}>{m('terms.others', { n: rest.length })}</td>
            <td data-cell="term" data-value={String(restSum)}>{txt(restSum)}</td>
          </tr>
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>Σₖ</th>
          <td data-cell="sum" data-value={String(src.sum)}>{txt(src.sum)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={3}>{`× f'(${n.z(l, j, s).txt})`}</th>
          <td data-cell="fprime" data-value={String(src.fPrime)}>{txt(src.fPrime)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={3}>{`= ${n.delta(l, j, s).txt}`}</th>
          <td data-cell="delta" data-value={String(delta)}>{txt(delta)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** δˡ[s][j] and its derivation, or why it is not there yet. */
export function DeltaDerivation({ n, trace, spec, l, j, s, m }: { n: Symbols; trace: Trace; spec: NetworkSpec; l: number; j: number; s: number; m: InspectorMessages }) {
  const d = deltaOf(trace, spec, l, j, s);
  if (d === null) return <p className="inspector-wait">{m('wait.delta', { lsup: sup(l), l })}</p>;
  const src = d.source;
  if (src === null) {
    return (
      <div className="inspector-delta">
        <Tex tex={`${n.delta(l, j, s).tex} = ${tex(d.delta)}`} label={`${n.delta(l, j, s).txt} = ${txt(d.delta)}`} />
        <p className="inspector-wait">{m('wait.above', { l: l + 1 })}</p>
      </div>
    );
  }
  const lines = src.kind === 'output' ? outputLines(n, src, l, j, s, d.delta, trace.t.cols) : hiddenLines(n, src, l, j, s, d.delta);
  return (
    <div className="inspector-delta" data-sample={s}>
      <p className="inspector-note">
        {src.kind === 'output'
          ? m('delta.output', { loss: src.loss })
          : m('delta.hidden', { n: src.terms.length, above: l + 1, activation: src.activation })}
      </p>
      {lines.map((line, n) => (
        <Tex key={n} tex={line.tex} label={line.txt} display />
      ))}
      {src.kind === 'hidden' && <TermsTable n={n} src={src} l={l} j={j} s={s} delta={d.delta} m={m} />}
    </div>
  );
}

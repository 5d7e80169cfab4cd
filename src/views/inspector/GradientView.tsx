/**
 * The batch half of the chain rule: every sample's share input·δ/m of ∂L/∂θ (a table with bars),
 * the regularization term, the total gradient from the trace, and the update that was applied.
 */
import type { OptimizerConfig } from '../../core/spec.ts';
import { shownSamples, type Chain, type Gradient } from './chain.ts';
import type { InspectorMessages } from './messages.ts';
import { unbrokenFractions } from '../shared/indices.tsx';
import { Bar, tex, Tex, txt, workedNumbers, type Symbols } from './tex.tsx';

/** Samples listed one by one (the rest are summed in one row). */
const MAX_ROWS = 12;
/** Shares written out inside the formula. */
const INLINE_SHARES = 3;

/** The parameter's symbol: Wˡ[i][j] (columns: Wˡ[j][i]) or bˡ[j]. */
export function paramSym(n: Symbols, c: Chain) {
  return c.kind === 'weight' ? n.W(c.layer, c.i, c.j) : n.b(c.layer, c.j);
}

/** True when the shown sums do not give the trace's gradient (settings changed since the step). */
export function gradientMismatch(g: Gradient): boolean {
  return !(Math.abs(g.data + g.penalty.value - g.total) <= 1e-12 * Math.max(1, Math.abs(g.total)));
}

function ContributionTable({ n, chain, g, focus, m }: { n: Symbols; chain: Chain; g: Gradient; focus: number | null; m: InspectorMessages }) {
  const weight = chain.kind === 'weight';
  const rows = shownSamples(chain.m, focus ?? 0, MAX_ROWS);
  const listed = new Set(rows);
  let rest = 0;
  for (const c of g.contributions) if (!listed.has(c.sample)) rest += c.value;
  const others = chain.m - rows.length;
  let max = Math.abs(g.data);
  for (const c of g.contributions) max = Math.max(max, Math.abs(c.value));
  if (others > 0) max = Math.max(max, Math.abs(rest));
  const input = n.input(chain.layer, chain.i, 's');
  const delta = n.delta(chain.layer, chain.j, 's');
  const span = weight ? 3 : 2;
  return (
    <table className="inspector-table contributions">
      <caption>{m('table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{m('table.sample')}</th>
          {weight && <th scope="col">{input.txt}</th>}
          <th scope="col">{delta.txt}</th>
          <th scope="col">{weight ? 'a·δ/m' : 'δ/m'}</th>
          <th scope="col">{m('table.contribution')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => {
          const c = g.contributions[s]!;
          // Each row is a worked share: input and δ with the digits that give input·δ/m as shown.
          const row = workedNumbers([c.input, c.delta], ([a, d]) => (a! * d!) / chain.m, c.value);
          return (
            <tr key={s} className={s === focus ? 'focus' : undefined} aria-selected={s === focus}>
              <td>{s}</td>
              {weight && <td>{row.txt(c.input)}</td>}
              <td>{row.txt(c.delta)}</td>
              <td data-cell="contribution" data-value={String(c.value)}>{txt(c.value)}</td>
              <td><Bar value={c.value} max={max} /></td>
            </tr>
          );
        })}
        {others > 0 && (
          <tr>
            <td colSpan={span}>{m('table.others', { n: others })}</td>
            <td data-cell="contribution" data-value={String(rest)}>{txt(rest)}</td>
            <td><Bar value={rest} max={max} /></td>
          </tr>
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={span}>{m('table.mean')}</th>
          <td data-cell="data" data-value={String(g.data)}>{txt(g.data)}</td>
          <td><Bar value={g.data} max={max} /></td>
        </tr>
      </tfoot>
    </table>
  );
}

/** ∂L/∂θ = (1/m)·Σₛ input·δ (+ penalty), written out and with the numbers substituted. */
function gradientFormula(n: Symbols, c: Chain, g: Gradient) {
  const p = paramSym(n, c);
  const weight = c.kind === 'weight';
  const inp = n.input(c.layer, c.i, 's');
  const d = n.delta(c.layer, c.j, 's');
  const pen = g.penalty;
  const penTex = pen.kind === 'l2' ? ` + \\lambda ${p.tex}` : pen.kind === 'l1' ? ` + \\lambda\\,\\operatorname{sign}(${p.tex})` : '';
  const penTxt = pen.kind === 'l2' ? ` + λ·${p.txt}` : pen.kind === 'l1' ? ` + λ·sign(${p.txt})` : '';
  const penNumTex = pen.kind === 'l2' ? ` + ${tex(pen.lambda)}\\cdot ${tex(c.value, true)}` : pen.kind === 'l1' ? ` + ${tex(pen.lambda)}\\cdot\\operatorname{sign}(${tex(c.value)})` : '';
  const penNumTxt = pen.kind === 'l2' ? ` + ${txt(pen.lambda)}·${txt(c.value, true)}` : pen.kind === 'l1' ? ` + ${txt(pen.lambda)}·sign(${txt(c.value)})` : '';
  const shares = g.contributions.slice(0, INLINE_SHARES);
  const more = g.contributions.length > shares.length;
  const sharesTex = shares.map((s) => tex(s.value, true)).join(' + ') + (more ? ' + \\cdots' : '');
  const sharesTxt = shares.map((s) => txt(s.value, true)).join(' + ') + (more ? ' + …' : '');
  const sumTex = `\\frac{1}{m}\\sum_{s=0}^{${c.m - 1}} ${weight ? `${inp.tex}\\,` : ''}${d.tex}`;
  const sumTxt = `(1/m)·Σₛ ${weight ? `${inp.txt}·` : ''}${d.txt}`;
  const lastTex = pen.kind === 'none' ? tex(g.total) : `${tex(g.data)} + ${tex(pen.value, true)} = ${tex(g.total)}`;
  const lastTxt = pen.kind === 'none' ? txt(g.total) : `${txt(g.data)} + ${txt(pen.value, true)} = ${txt(g.total)}`;
  return {
    tex: `\\begin{aligned}\\frac{\\partial L}{\\partial ${p.tex}} &= ${sumTex}${penTex} \\\\ &= ${sharesTex}${penNumTex} \\\\ &= ${lastTex}\\end{aligned}`,
    txt: `∂L/∂${p.txt} = ${sumTxt}${penTxt} = ${sharesTxt}${penNumTxt} = ${lastTxt}`,
  };
}

export function GradientSection({ n, chain, focus, m }: { n: Symbols; chain: Chain; focus: number | null; m: InspectorMessages }) {
  const g = chain.gradient!;
  const f = gradientFormula(n, chain, g);
  const pen = g.penalty;
  const penaltyNote = chain.kind === 'bias' ? m('penalty.bias') : m(`penalty.${pen.kind}`);
  return (
    <div className="inspector-gradient">
      <ContributionTable n={n} chain={chain} g={g} focus={focus} m={m} />
      <p className="inspector-note">
        {penaltyNote}
        {pen.kind !== 'none' && (
          <>
            {' '}
            <span data-cell="penalty" data-value={String(pen.value)}>{`${pen.kind === 'l2' ? 'λ·w' : 'λ·sign(w)'} = ${txt(pen.value)}`}</span>
          </>
        )}
      </p>
      <Tex tex={f.tex} label={f.txt} display />
      <p className="inspector-result">
        {unbrokenFractions(`∂L/∂${paramSym(n, chain).txt} = `)}
        <strong data-cell="gradient" data-value={String(g.total)}>{txt(g.total)}</strong>
      </p>
      {gradientMismatch(g) && <p className="inspector-warning" role="alert">{unbrokenFractions(m('mismatch', { what: `∂L/∂${paramSym(n, chain).txt}` }))}</p>}
    </div>
  );
}

export function UpdateSection({ n, chain, optimizer, m }: { n: Symbols; chain: Chain; optimizer: OptimizerConfig['kind'] | null; m: InspectorMessages }) {
  if (!chain.updateRan) return <p className="inspector-wait">{m('wait.update')}</p>;
  const u = chain.update;
  if (u === null) return <p className="inspector-warning">{m('update.refused')}</p>;
  const p = paramSym(n, chain);
  const sgd = u.isSgd && optimizer !== 'momentum' && optimizer !== 'adam';
  const g = chain.gradient?.total ?? NaN;
  const eta = u.learningRate ?? NaN;
  // Each worked part with the digits that reproduce the new value by hand.
  const byRate = workedNumbers([u.old, eta, g], ([w, e, gv]) => w! - e! * gv!, u.next);
  const byStep = workedNumbers([u.old, u.delta], ([w, d]) => w! + d!, u.next);
  const f = sgd
    ? {
        tex: `\\begin{aligned}${p.tex} &\\leftarrow ${p.tex} - \\eta\\, g \\\\ &= ${byRate.tex(u.old)} - ${byRate.tex(eta)}\\cdot ${byRate.tex(g, true)} \\\\ &= ${byStep.tex(u.old)} + ${byStep.tex(u.delta, true)} = ${tex(u.next)}\\end{aligned}`,
        txt: `${p.txt} ← ${p.txt} − η·g = ${byRate.txt(u.old)} − ${byRate.txt(eta)}·${byRate.txt(g, true)} = ${byStep.txt(u.old)} + ${byStep.txt(u.delta, true)} = ${txt(u.next)}`,
      }
    : {
        tex: `${p.tex} \\leftarrow ${p.tex} + \\Delta ${p.tex} = ${byStep.tex(u.old)} + ${byStep.tex(u.delta, true)} = ${tex(u.next)}`,
        txt: `${p.txt} ← ${p.txt} + Δ${p.txt} = ${byStep.txt(u.old)} + ${byStep.txt(u.delta, true)} = ${txt(u.next)}`,
      };
  const note = sgd ? m('update.sgd') : optimizer === 'momentum' || optimizer === 'adam' ? m(`update.${optimizer}`) : m('update.other');
  return (
    <div className="inspector-update">
      <p className="inspector-note">{note}</p>
      <Tex tex={f.tex} label={f.txt} display />
      <dl className="inspector-values">
        <dt>{m('value.old', { name: p.txt })}</dt>
        <dd data-cell="old" data-value={String(u.old)}>{txt(u.old)}</dd>
        <dt>{m('value.delta', { name: p.txt })}</dt>
        <dd data-cell="update" data-value={String(u.delta)}>{txt(u.delta)}</dd>
        <dt>{m('value.new', { name: p.txt })}</dt>
        <dd data-cell="new" data-value={String(u.next)}>{txt(u.next)}</dd>
      </dl>
    </div>
  );
}

/**
 * Live numbers in lesson texts: `{delta[1][0][2]}` is δ of weight layer 1, sample 0, unit 2 in
 * the current trace. Outside TeX, braces always open a placeholder; `{{` and `}}` stand for
 * literal braces. `$…$` is TeX (KaTeX), kept as written: no placeholders inside; `\$` is a
 * dollar sign.
 *
 *   z, a, delta, dW, W, updateW [l][i][j]   layer l (1..L): sample i (row), unit j; for W and
 *                                            dW, unit i below to unit j above (row convention)
 *   b, db, updateB [l][j]                   layer l, unit j
 *   x, t, y [i][j]                          the batch's inputs, targets, predictions
 *   L[i]                                    per-sample loss of sample i
 *   loss, m, step, lr                       batch loss (with penalty), batch size, updates
 *                                            applied before this step, the update's rate
 *   meanabs(q[l]), maxabs(q[l])             mean and max |entry| of a layer tensor (z … updateW)
 *   relerr(W[l]), relerr(b[l])              the gradient check's largest relative error of W or b
 *   gcratio(W[l]), gcratio(b[l])            Σ|numerical| / Σ|backprop| over its checked entries:
 *                                            how many times too small backprop's gradient is
 *   changed(W[l]), gradnonzero(W[l])        the update check: entries one step moved, entries
 *                                            whose gradient is not zero
 */
import type { GradCheckReport } from '../core/gradcheck.ts';
import type { Trace } from '../core/trace.ts';
import type { UpdateCheckReport } from '../core/update-check.ts';

/** The instruments' latest results, for the check placeholders (null: not run). */
export interface Checks {
  readonly gradcheck: GradCheckReport | null;
  readonly updateCheck: UpdateCheckReport | null;
}

export const NO_CHECKS: Checks = { gradcheck: null, updateCheck: null };

const LAYER_MATRICES = ['z', 'a', 'delta', 'dW', 'W', 'updateW'] as const;
const LAYER_VECTORS = ['b', 'db', 'updateB'] as const;
const BATCH_MATRICES = ['x', 't', 'y'] as const;
const SCALARS = ['loss', 'm', 'step', 'lr'] as const;
const FUNCTIONS = ['meanabs', 'maxabs'] as const;
/** Functions of a parameter tensor (W or b of a layer) read from the gradient and update checks. */
const CHECK_FUNCTIONS = ['relerr', 'gcratio', 'changed', 'gradnonzero'] as const;

export interface Placeholder {
  /** The text between the braces. */
  readonly source: string;
  readonly name: string;
  readonly indices: readonly number[];
  readonly fn: (typeof FUNCTIONS)[number] | (typeof CHECK_FUNCTIONS)[number] | null;
}

export type Segment = string | Placeholder;

/** How many indices each name takes. */
function arity(name: string, fn: string | null): number | null {
  if (fn !== null && (CHECK_FUNCTIONS as readonly string[]).includes(fn)) return name === 'W' || name === 'b' ? 1 : null;
  if (fn !== null) return (LAYER_MATRICES as readonly string[]).includes(name) ? 1 : null;
  if ((LAYER_MATRICES as readonly string[]).includes(name)) return 3;
  if ((LAYER_VECTORS as readonly string[]).includes(name) || (BATCH_MATRICES as readonly string[]).includes(name)) return 2;
  if (name === 'L') return 1;
  if ((SCALARS as readonly string[]).includes(name)) return 0;
  return null;
}

const EXPRESSION = /^(?:(meanabs|maxabs|relerr|gcratio|changed|gradnonzero)\(([A-Za-z]+)((?:\[\d{1,4}\])*)\)|([A-Za-z]+)((?:\[\d{1,4}\])*))$/;

export function parsePlaceholder(source: string): Placeholder | { problem: string } {
  const match = EXPRESSION.exec(source);
  if (match === null) return { problem: `"{${source.slice(0, 40)}}" is not a placeholder such as {delta[1][0][2]} (write {{ and }} for literal braces)` };
  const fn = (match[1] ?? null) as Placeholder['fn'];
  const name = (match[2] ?? match[4])!;
  const indices = [...(match[3] ?? match[5] ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const expected = arity(name, fn);
  if (expected === null) return { problem: `"{${source.slice(0, 40)}}" names no quantity of the trace` };
  if (indices.length !== expected) return { problem: `"{${source.slice(0, 40)}}" needs ${expected} ${expected === 1 ? 'index' : 'indices'}, got ${indices.length}` };
  return { source, name, indices, fn };
}

/** Splits a text into literal parts and placeholders, or names the first bad placeholder. */
export function parsePlaceholders(text: string): { segments: Segment[]; placeholders: Placeholder[] } | { problem: string } {
  const segments: Segment[] = [];
  const placeholders: Placeholder[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '$') {
      literal += '\\$';
      i++;
    } else if (c === '$') {
      // TeX, rendered by KaTeX: kept whole, its braces are TeX's own.
      const end = text.indexOf('$', i + 1);
      if (end < 0) return { problem: `a "$" at character ${i + 1} opens TeX that is never closed (write \\$ for a dollar sign)` };
      literal += text.slice(i, end + 1);
      i = end;
    } else if ((c === '{' || c === '}') && text[i + 1] === c) {
      literal += c;
      i++;
    } else if (c === '}') {
      return { problem: `a lone "}" at character ${i + 1} (write }} for a literal brace)` };
    } else if (c === '{') {
      const end = text.indexOf('}', i + 1);
      if (end < 0) return { problem: `a "{" at character ${i + 1} is never closed` };
      const p = parsePlaceholder(text.slice(i + 1, end));
      if ('problem' in p) return p;
      if (literal !== '') segments.push(literal);
      literal = '';
      segments.push(p);
      placeholders.push(p);
      i = end;
    } else literal += c;
  }
  if (literal !== '') segments.push(literal);
  return { segments, placeholders };
}

/** The phase that computes each layer quantity, for a message when it has not run yet. */
const COMPUTED_IN: Record<string, string> = { z: 'forward', a: 'forward', delta: 'backward', dW: 'backward', db: 'backward', updateW: 'update', updateB: 'update' };

function entry(data: ArrayLike<number>, rows: number, cols: number, i: number, j: number, what: string): number | { problem: string } {
  if (i >= rows || j >= cols) return { problem: `${what} is out of range (${rows} × ${cols})` };
  return data[i * cols + j]!;
}

/** A check placeholder's value: relerr, gcratio, changed or gradnonzero of W or b of a layer. */
function resolveCheck(p: Placeholder, checks: Checks): number | { problem: string } {
  const name = `${p.name}${p.indices[0]}`;
  if (p.fn === 'changed' || p.fn === 'gradnonzero') {
    const tensor = checks.updateCheck?.tensors.find((t) => t.name === name);
    if (checks.updateCheck === null) return { problem: `{${p.source}}: the update check has not run yet` };
    if (tensor === undefined) return { problem: `{${p.source}}: the network has no tensor ${name}` };
    return p.fn === 'changed' ? tensor.changed : tensor.gradNonzero;
  }
  if (checks.gradcheck === null) return { problem: `{${p.source}}: the gradient check has not run yet` };
  const tensor = checks.gradcheck.tensors.find((t) => t.name === name);
  if (tensor === undefined) return { problem: `{${p.source}}: the network has no tensor ${name}` };
  if (p.fn === 'relerr') return tensor.maxRelError;
  let numeric = 0;
  let analytic = 0;
  tensor.indices.forEach((_, q) => {
    if (tensor.kinks[q] === 1) return;
    numeric += Math.abs(tensor.numeric[q]!);
    analytic += Math.abs(tensor.analytic[q]!);
  });
  return analytic === 0 ? { problem: `{${p.source}}: backpropagation's gradient of ${name} is zero` } : numeric / analytic;
}

/** The value of a placeholder in a trace, or why there is none (a phase not yet run, an index out of range). */
export function resolvePlaceholder(p: Placeholder, trace: Trace | null, checks: Checks = NO_CHECKS): number | { problem: string } {
  if (p.fn !== null && (CHECK_FUNCTIONS as readonly string[]).includes(p.fn)) return resolveCheck(p, checks);
  if (trace === null) return { problem: `{${p.source}}: no trace yet` };
  const [first = 0, second = 0, third = 0] = p.indices;
  if ((LAYER_MATRICES as readonly string[]).includes(p.name) || (LAYER_VECTORS as readonly string[]).includes(p.name)) {
    const layer = trace.layers[first - 1];
    if (layer === undefined) return { problem: `{${p.source}}: the network has weight layers 1..${trace.layers.length}` };
    const value = layer[p.name as keyof typeof layer] as { rows: number; cols: number; data: Float64Array } | Float64Array | undefined;
    if (value === undefined) return { problem: `{${p.source}}: computed in the ${COMPUTED_IN[p.name] ?? 'forward'} phase of layer ${first}, which has not run yet` };
    if (value instanceof Float64Array) return second < value.length ? value[second]! : { problem: `{${p.source}} is out of range (${value.length})` };
    if (p.fn === 'meanabs' || p.fn === 'maxabs') {
      let sum = 0;
      let max = 0;
      for (const v of value.data) {
        sum += Math.abs(v);
        max = Math.max(max, Math.abs(v));
      }
      return p.fn === 'maxabs' ? max : sum / value.data.length;
    }
    return entry(value.data, value.rows, value.cols, second, third, `{${p.source}}`);
  }
  switch (p.name) {
    case 'x':
    case 't':
    case 'y': {
      const m = trace[p.name];
      if (m === undefined) return { problem: `{${p.source}}: computed in the loss phase, which has not run yet` };
      return entry(m.data, m.rows, m.cols, first, second, `{${p.source}}`);
    }
    case 'L':
      if (trace.perSampleLoss === undefined) return { problem: `{${p.source}}: computed in the loss phase, which has not run yet` };
      return first < trace.perSampleLoss.length ? trace.perSampleLoss[first]! : { problem: `{${p.source}} is out of range (${trace.perSampleLoss.length})` };
    case 'loss':
      return trace.loss?.total ?? { problem: '{loss}: computed in the loss phase, which has not run yet' };
    case 'm':
      return trace.x.rows;
    case 'step':
      return trace.step;
    case 'lr':
      return trace.learningRate ?? { problem: '{lr}: known once the update has run' };
  }
  return { problem: `{${p.source}} names no quantity of the trace` };
}

/** A number as a lesson shows it: 4 significant digits, a true minus sign. */
export function formatValue(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v).replace(/-/g, '−');
  const text = Math.abs(v) !== 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6) ? v.toExponential(3) : v.toPrecision(4);
  return text.replace(/-/g, '−');
}

/** A text with its placeholders filled in from the trace; an unresolved one shows as "?" and is listed. */
export function fillText(text: string, trace: Trace | null, checks: Checks = NO_CHECKS): { text: string; problems: string[] } {
  const parsed = parsePlaceholders(text);
  if ('problem' in parsed) return { text, problems: [parsed.problem] };
  const problems: string[] = [];
  const out = parsed.segments.map((s) => {
    if (typeof s === 'string') return s;
    const v = resolvePlaceholder(s, trace, checks);
    if (typeof v !== 'number') {
      problems.push(v.problem);
      return '?';
    }
    return formatValue(v);
  });
  return { text: out.join(''), problems };
}

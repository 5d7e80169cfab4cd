/**
 * Writing Python source: a line writer that remembers which lines compute which phase, number
 * literals, and the expressions that differ between the row convention (samples in rows,
 * z = a @ W + b, W of shape (n_in, n_out), the lab's own) and the column convention (samples
 * in columns, z = W @ a + b, W of shape (n_out, n_in): the same numbers transposed).
 */

/** Column a line's trailing comment starts at, when the code leaves room. */
const COMMENT_COLUMN = 48;

export class PythonWriter {
  readonly lines: string[] = [];
  readonly phaseLines = new Map<string, number[]>();
  private phases: readonly string[] = [];

  /** The code lines written from now on compute these phases (none: not a phase's line). */
  during(...phases: string[]): void {
    this.phases = phases;
  }

  /** One line, with an optional trailing comment aligned to the comment column. */
  line(code = '', comment?: string): void {
    this.lines.push(comment === undefined || comment === '' ? code : `${code.padEnd(Math.max(COMMENT_COLUMN, code.length + 2))}# ${comment}`);
    const trimmed = code.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const n = this.lines.length; // line numbers count from 1, as shown
    for (const p of this.phases) {
      const list = this.phaseLines.get(p);
      if (list === undefined) this.phaseLines.set(p, [n]);
      else list.push(n);
    }
  }

  /** Several lines given as one text (a template literal), none with a trailing comment. */
  block(text: string): void {
    for (const l of text.split('\n')) this.line(l);
  }

  /** PEP 8: two blank lines between top-level definitions. */
  gap(): void {
    this.line();
    this.line();
  }
}

/** A Python float literal that parses to exactly the same double. */
export function py(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  return String(x);
}

export type Convention = 'row' | 'column';

/** The pieces of code and the shapes that depend on the convention. */
export interface Layout {
  readonly row: boolean;
  /** Shape of a batch of n-unit vectors: (m, n) or (n, m). */
  batch(n: number): string;
  /** Shape of the weights from n_in units to n_out units. */
  weight(nIn: number, nOut: number): string;
  /** Shape of a bias: (n,) or (n, 1). */
  bias(n: number): string;
  /** The numbers of the weight shape, for np.zeros / standard_normal: "3, 4". */
  weightDims(nIn: number, nOut: number): string;
  biasZeros(n: number): string;
  /** The axis the units of one sample lie along. */
  readonly unitAxis: number;
  /** The axis the samples lie along. */
  readonly sampleAxis: number;
  /** Number of samples of a batch array. */
  samples(v: string): string;
  /** z = a·W + b in this convention. */
  affine(a: string, W: string, b: string): string;
  /** δ·Wᵀ in this convention (the error sent to the layer below, before f'). */
  back(delta: string, W: string): string;
  /** (1/m)·aᵀ·δ in this convention. */
  gradW(a: string, delta: string): string;
  /** (1/m)·Σᵢ δᵢ, shaped like the bias. */
  gradB(delta: string): string;
  /** The phrase of the header comment that states the convention. */
  readonly described: readonly string[];
}

export function layout(convention: Convention): Layout {
  const row = convention === 'row';
  return {
    row,
    batch: (n) => (row ? `(m, ${n})` : `(${n}, m)`),
    weight: (nIn, nOut) => (row ? `(${nIn}, ${nOut})` : `(${nOut}, ${nIn})`),
    bias: (n) => (row ? `(${n},)` : `(${n}, 1)`),
    weightDims: (nIn, nOut) => (row ? `${nIn}, ${nOut}` : `${nOut}, ${nIn}`),
    biasZeros: (n) => (row ? `np.zeros(${n})` : `np.zeros((${n}, 1))`),
    unitAxis: row ? 1 : 0,
    sampleAxis: row ? 0 : 1,
    samples: (v) => `${v}.shape[${row ? 0 : 1}]`,
    affine: (a, W, b) => (row ? `${a} @ ${W} + ${b}` : `${W} @ ${a} + ${b}`),
    back: (delta, W) => (row ? `${delta} @ ${W}.T` : `${W}.T @ ${delta}`),
    gradW: (a, delta) => (row ? `${a}.T @ ${delta} / m` : `${delta} @ ${a}.T / m`),
    gradB: (delta) => (row ? `${delta}.sum(axis=0) / m` : `${delta}.sum(axis=1, keepdims=True) / m`),
    described: row
      ? ['Rows are samples: z = a @ W + b, with W of shape (n_in, n_out)', '(W[i, j] goes from unit i below to unit j above, as in the lab).']
      : ['Columns are samples: z = W @ a + b, with W of shape (n_out, n_in):', "the lab's W transposed (W[j, i] goes from unit i below to unit j above)."],
  };
}

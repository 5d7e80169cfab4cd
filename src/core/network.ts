/**
 * A network: its spec and its parameters. Weight layer l (1..L) is params[l − 1] and maps
 * layer l − 1 (n_{l−1} units) to layer l (n_l units):
 *   W (n_{l−1} × n_l), W[i][j] from unit i below to unit j above;  b (n_l).
 * In the column convention of other textbooks (z = W·a + b) their W is our Wᵀ.
 */
import { ConfigError } from './errors.ts';
import { gaussian, type Rng } from './rng.ts';
import { validateInit, validateNetworkSpec, depth, type InitConfig, type NetworkSpec } from './spec.ts';
import { zeros, type Matrix } from './tensor.ts';

export interface LayerParams {
  readonly W: Matrix;
  readonly b: Float64Array;
}

export interface Network {
  readonly spec: NetworkSpec;
  readonly params: readonly LayerParams[];
}

/** Standard deviation of the Gaussian a weight is drawn from. */
function weightStd(init: InitConfig['weights'], fanIn: number, fanOut: number): number {
  switch (init.kind) {
    case 'gaussian':
      return init.std;
    case 'standard-normal':
      return 1;
    case 'xavier': // Glorot & Bengio (2010), normal variant: Var = 2 / (fan_in + fan_out)
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he': // He et al. (2015): Var = 2 / fan_in
      return Math.sqrt(2 / fanIn);
  }
}

/**
 * Builds a network with freshly drawn parameters. Draw order, fixed so a seed means the same
 * network everywhere: for each layer l = 1..L, all of W row by row, then all of b.
 */
export function createNetwork(spec: NetworkSpec, init: InitConfig, rng: Rng): Network {
  const checked = validateNetworkSpec(spec);
  const checkedInit = validateInit(init);
  const params: LayerParams[] = [];
  for (let l = 1; l <= depth(checked); l++) {
    const nIn = checked.layers[l - 1]!.units;
    const nOut = checked.layers[l]!.units;
    const W = zeros(nIn, nOut);
    const std = weightStd(checkedInit.weights, nIn, nOut);
    for (let s = 0; s < W.data.length; s++) W.data[s] = std * gaussian(rng);
    const b = new Float64Array(nOut);
    const bi = checkedInit.biases;
    if (bi.kind === 'constant') b.fill(bi.value);
    else if (bi.kind === 'standard-normal') for (let j = 0; j < nOut; j++) b[j] = gaussian(rng);
    params.push({ W, b });
  }
  return { spec: checked, params };
}

/** Checks that params have exactly the shapes the spec asks for. */
export function checkParamShapes(spec: NetworkSpec, params: readonly LayerParams[], field = 'params'): void {
  const L = depth(spec);
  if (params.length !== L) throw new ConfigError(field, { code: 'weight-layers', expected: L, got: params.length });
  for (let l = 1; l <= L; l++) {
    const { W, b } = params[l - 1]!;
    const nIn = spec.layers[l - 1]!.units;
    const nOut = spec.layers[l]!.units;
    if (W.rows !== nIn || W.cols !== nOut) {
      throw new ConfigError(`${field}[${l - 1}].W`, { code: 'shape', rows: nIn, cols: nOut, gotRows: W.rows, gotCols: W.cols });
    }
    if (W.data.length !== nIn * nOut) throw new ConfigError(`${field}[${l - 1}].W`, 'data length does not match its shape');
    if (b.length !== nOut) throw new ConfigError(`${field}[${l - 1}].b`, { code: 'entries', expected: nOut, got: b.length });
  }
}

export function cloneParams(params: readonly LayerParams[]): LayerParams[] {
  return params.map(({ W, b }) => ({ W: { rows: W.rows, cols: W.cols, data: new Float64Array(W.data) }, b: new Float64Array(b) }));
}

export function cloneNetwork(net: Network): Network {
  return { spec: net.spec, params: cloneParams(net.params) };
}

export function parameterCount(spec: NetworkSpec): number {
  let n = 0;
  for (let l = 1; l <= depth(spec); l++) n += (spec.layers[l - 1]!.units + 1) * spec.layers[l]!.units;
  return n;
}

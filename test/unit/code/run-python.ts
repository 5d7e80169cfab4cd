/**
 * Runs generated NumPy programs in one python3 process. The driver gets every case as JSON on
 * stdin, executes each program in a fresh namespace (not as __main__, so its demo stays quiet),
 * calls its step() on each batch in turn with the lab's weights, and prints, in the lab's row
 * convention, the loss, each layer's z, a, delta, dW, db and the weights after each step.
 * Then it runs each program again as __main__ and keeps what the demo printed.
 */
import { spawnSync } from 'node:child_process';

export interface PyCase {
  readonly code: string;
  readonly style: 'layers' | 'loop';
  readonly convention: 'row' | 'column';
  /** The weights before the first step, W rows (n_in × n_out) and b, as the lab holds them. */
  readonly W: number[][][];
  readonly b: number[][];
  readonly batches: { x: number[][]; t: number[][] }[];
}

export interface PyStep {
  loss: number;
  z: number[][][];
  a: number[][][];
  delta: number[][][];
  dW: number[][][];
  db: number[][];
  W: number[][][];
  b: number[][];
}

export type PyResult = { steps: PyStep[]; demo: string } | { error: string };

const DRIVER = String.raw`
import contextlib, io, json, sys, traceback
import numpy as np

def run(case):
    ns = {"__name__": "generated"}
    exec(compile(case["code"], "<generated>", "exec"), ns)
    col = case["convention"] == "column"
    inp = lambda a: np.array(a, dtype=float).T.copy() if col else np.array(a, dtype=float)
    out = lambda a: (np.asarray(a).T if col else np.asarray(a)).tolist()
    flat = lambda a: np.asarray(a).ravel().tolist()
    Ws = [inp(W) for W in case["W"]]
    bs = [np.array(b, dtype=float).reshape(-1, 1) if col else np.array(b, dtype=float) for b in case["b"]]
    L = len(Ws)
    steps = []
    for batch in case["batches"]:
        x, t = inp(batch["x"]), inp(batch["t"])
        if case["style"] == "layers":
            params = {}
            for l in range(1, L + 1):
                params[f"W{l}"], params[f"b{l}"] = Ws[l - 1], bs[l - 1]
            params, loss, cache = ns["step"](x, t, params)
            Ws = [params[f"W{l}"] for l in range(1, L + 1)]
            bs = [params[f"b{l}"] for l in range(1, L + 1)]
        else:
            Ws, bs, loss, cache = ns["step"](x, t, Ws, bs)
        s = {k: [out(v) for v in cache[k]] for k in ("z", "a", "delta", "dW")}
        s.update(loss=float(loss), db=[flat(v) for v in cache["db"]], W=[out(W) for W in Ws], b=[flat(b) for b in bs])
        steps.append(s)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(case["code"], "<generated>", "exec"), {"__name__": "__main__"})
    return {"steps": steps, "demo": printed.getvalue()}

results = []
for case in json.load(sys.stdin)["cases"]:
    try:
        results.append(run(case))
    except Exception:
        results.append({"error": traceback.format_exc()})
print(json.dumps(results))
`;

/** Why the programs cannot run here, or null when python3 with NumPy is available. */
export function pythonMissing(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error) return `python3 was not found (${probe.error.message})`;
  if (probe.status !== 0) return 'numpy is not installed for python3';
  return null;
}

export function runPython(cases: readonly PyCase[]): PyResult[] {
  const run = spawnSync('python3', ['-c', DRIVER], { input: JSON.stringify({ cases }), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as PyResult[];
}

"""NumPy side of `npm run bench`: the same training steps as backprop-lab's core, in float64.

Usage: python3 bench_numpy.py MANIFEST.json

bench.ts writes the manifest, the pre-drawn batch pools and the initial weights (raw
little-endian float64). This script loads every workload, takes one step from the initial
weights on the first batch of each and writes the new weights (W1, b1, W2, b2, ... flattened)
so bench.ts can compare them with the lab's. Then it serves: for each line {"key": K,
"seconds": S} on stdin it steps workload K through its pool for S seconds of wall time and
answers one JSON line on stdout (steps, wall and CPU seconds, minor page faults), until stdin
closes. bench.ts alternates these runs with the lab's.

The mathematics is the lab's: rows are samples, z = a @ W + b, the loss is the batch mean,
delta is per sample, dW = a.T @ delta / m, db = sum(delta) / m, and SGD W -= lr * dW.
"""
import json
import os
import resource
import sys
import time

try:
    import numpy as np
except ImportError:
    print("bench_numpy.py: numpy is not installed", file=sys.stderr)
    sys.exit(3)

# exp(-z) overflows to inf for a very negative z; 1 / (1 + inf) = 0 is the right sigmoid.
np.seterr(over="ignore")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# f(z), and f'(z) given z and a = f(z)
ACTIVATIONS = {
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: z > 0),
    "sigmoid": (sigmoid, lambda z, a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
    "identity": (lambda z: z, lambda z, a: np.ones_like(z)),
}


def output_loss_and_delta(loss, z, a, t, derivative):
    """Batch-mean loss and the per-sample output delta dL_i/dz."""
    if loss == "softmax-cross-entropy":
        shifted = z - z.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        sums = e.sum(axis=1, keepdims=True)
        y = e / sums
        value = -(t * (shifted - np.log(sums))).sum(axis=1).mean()
        return value, y - t
    if loss == "sigmoid-binary-cross-entropy":
        y = sigmoid(z)
        value = (np.logaddexp(0.0, z) - t * z).sum(axis=1).mean()
        return value, y - t
    if loss == "squared-error-half":
        value = 0.5 * ((a - t) ** 2).sum(axis=1).mean()
        return value, (a - t) * derivative(z, a)
    raise ValueError(f"unknown loss {loss}")


def train_step(params, activations, loss, x, t, lr):
    """One SGD step in place on params = [(W, b), ...]; returns the batch loss."""
    m = x.shape[0]
    # forward
    zs, acts = [], [x]
    for (W, b), name in zip(params, activations):
        z = acts[-1] @ W + b
        zs.append(z)
        acts.append(ACTIVATIONS[name][0](z))
    # loss and output delta
    value, delta = output_loss_and_delta(loss, zs[-1], acts[-1], t, ACTIVATIONS[activations[-1]][1])
    # backward
    grads = [None] * len(params)
    for l in reversed(range(len(params))):
        if l < len(params) - 1:
            delta = (delta @ params[l + 1][0].T) * ACTIVATIONS[activations[l]][1](zs[l], acts[l + 1])
        grads[l] = (acts[l].T @ delta / m, delta.sum(axis=0) / m)
    # update
    for (W, b), (dW, db) in zip(params, grads):
        W -= lr * dW
        b -= lr * db
    return value


def load(directory, w):
    """Initial params [(W, b), ...] and the pool as a list of (x, t) batches."""
    units, m, pool = w["units"], w["batch"], w["pool"]
    read = lambda name: np.fromfile(os.path.join(directory, name), dtype="<f8")
    params = [
        (read(p["W"]).reshape(units[i], units[i + 1]), read(p["b"]))
        for i, p in enumerate(w["params"])
    ]
    x = read(w["x"]).reshape(pool, m, units[0])
    t = read(w["t"]).reshape(pool, m, units[-1])
    return params, [(x[k], t[k]) for k in range(pool)]


def copy_params(params):
    return [(W.copy(), b.copy()) for W, b in params]


def run_for(params, w, batches, seconds):
    """Steps through the batches, round again, until `seconds` of wall time have passed.
    Returns the steps, the wall time and this process's CPU time."""
    steps = 0
    cpu_start = time.process_time()
    start = now = time.perf_counter()
    while now - start < seconds:
        x, t = batches[steps % len(batches)]
        train_step(params, w["activations"], w["loss"], x, t, w["learning_rate"])
        steps += 1
        now = time.perf_counter()
    return steps, now - start, time.process_time() - cpu_start


def write_one_step(directory, w, initial, batches):
    """The correctness guard: one step from the shared initial weights on the first batch."""
    once = copy_params(initial)
    x, t = batches[0]
    train_step(once, w["activations"], w["loss"], x, t, w["learning_rate"])
    np.concatenate([a.ravel() for p in once for a in p]).astype("<f8").tofile(
        os.path.join(directory, w["after_one_step"])
    )


def timed(params, w, batches, seconds):
    faults_before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    steps, elapsed, cpu = run_for(params, w, batches, seconds)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_before
    return {"steps": steps, "seconds": elapsed, "cpu_seconds": cpu, "page_faults": faults}


def main():
    manifest_path = sys.argv[1]
    directory = os.path.dirname(manifest_path)
    with open(manifest_path) as f:
        manifest = json.load(f)
    workloads = {}
    for w in manifest["workloads"]:
        initial, batches = load(directory, w)
        write_one_step(directory, w, initial, batches)
        workloads[w["key"]] = (w, copy_params(initial), batches)
    for line in sys.stdin:
        command = json.loads(line)
        w, params, batches = workloads[command["key"]]
        print(json.dumps(timed(params, w, batches, command["seconds"])), flush=True)


if __name__ == "__main__":
    main()

/**
 * The data section of an exported program. 2-D, regression and CSV sets are written into the
 * program as the lab holds them after its split (every number as the exact double it is);
 * MNIST is read from the IDX files in a directory the user names (--mnist DIR), with the
 * lab's selection of images: all, the first or last n, or a seeded random n.
 */
import type { Dataset, Features } from '../../../data/dataset.ts';
import { isBytes } from '../../../data/features.ts';
import type { DataConfig, MnistSelection } from '../../../presets/config.ts';
import type { ExperimentData } from '../../../presets/data-source.ts';
import { py } from '../python.ts';

/** Rows of numbers as a Python list literal, one row a line. */
function rowsLiteral(name: string, rows: number, cols: number, at: (i: number, j: number) => number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const row: string[] = [];
    for (let j = 0; j < cols; j++) row.push(py(at(i, j)));
    lines.push(`    [${row.join(', ')}],`);
  }
  return `${name} = np.array([\n${lines.join('\n')}\n])`;
}

function setLiteral(prefix: string, ds: Dataset<Features>, outputUnits: number): string {
  const x = ds.x;
  if (isBytes(x)) throw new Error('byte features are only MNIST, which is read from its files');
  const X = rowsLiteral(`X_${prefix}`, x.rows, x.cols, (i, j) => x.data[i * x.cols + j]!);
  if (ds.kind === 'regression') return `${X}\n${rowsLiteral(`T_${prefix}`, ds.y.rows, ds.y.cols, (i, j) => ds.y.data[i * ds.y.cols + j]!)}`;
  const labels = `LABELS_${prefix} = np.array([${Array.from(ds.labels).join(', ')}])`;
  return `${X}\n${labels}\nT_${prefix} = targets(LABELS_${prefix}, ${outputUnits})`;
}

const TARGETS = `def targets(labels, k):
    """One-hot rows for k outputs, or the labels as a 0/1 column for one output."""
    return np.eye(k)[labels] if k > 1 else labels.reshape(-1, 1).astype(float)`;

/** Inlined data: X_TRAIN, T_TRAIN and, when the lab holds a test set, X_TEST, T_TEST (else None). */
export function inlineData(data: ExperimentData, outputUnits: number, description: string): string {
  const classification = data.train.kind === 'classification';
  return [
    `# ${description}, exactly as the lab holds it after its train/test split: one sample per row.`,
    ...(classification ? [TARGETS, ''] : []),
    setLiteral('TRAIN', data.train, outputUnits),
    data.test === null ? 'X_TEST, T_TEST = None, None' : setLiteral('TEST', data.test, outputUnits),
    '',
    '',
    'def load_data(args):',
    '    return X_TRAIN, T_TRAIN, X_TEST, T_TEST',
  ].join('\n');
}

function selection(sel: MnistSelection, seed: number): string {
  switch (sel.take) {
    case 'all':
      return 'slice(None)';
    case 'first':
      return `slice(0, ${sel.n})`;
    case 'last':
      return `slice(len(labels) - ${sel.n}, None)`;
    case 'random':
      return `random_subset(len(labels), ${sel.n}, ${seed})`;
  }
}

/** MNIST from its IDX files: the directory is an argument; pixels are byte / 255 as in the lab. */
export function mnistData(data: Extract<DataConfig, { kind: 'mnist' }>, outputUnits: number): string {
  const part = (sel: MnistSelection, seed: number, prefix: string) => [
    `    images, labels = read_mnist(args.mnist, "${sel.part}")`,
    `    chosen = ${selection(sel, seed)}`,
    `    X_${prefix} = images[chosen].reshape(-1, 784) / 255.0`,
    `    T_${prefix} = targets(labels[chosen], ${outputUnits})`,
  ];
  return [
    TARGETS,
    '',
    '',
    'def read_idx(path):',
    '    """An IDX file (plain or .gz): a magic number, its dimensions, then unsigned bytes."""',
    '    opener = gzip.open if path.endswith(".gz") else open',
    '    with opener(path, "rb") as f:',
    '        data = f.read()',
    '    dims = data[3]',
    '    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]',
    '    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)',
    '',
    '',
    'def read_mnist(directory, part):',
    '    """part "train" (60 000 digits) or "t10k" (10 000), from the files MNIST is distributed as."""',
    '    def find(kind):',
    '        for name in (f"{part}-{kind}", f"{part}-{kind}.gz"):',
    '            if os.path.exists(os.path.join(directory, name)):',
    '                return os.path.join(directory, name)',
    '        sys.exit(f"error: no {part}-{kind}[.gz] in {directory!r}: give the MNIST directory with --mnist DIR")',
    '    return read_idx(find("images-idx3-ubyte")), read_idx(find("labels-idx1-ubyte")).astype(int)',
    '',
    '',
    'def random_subset(n, count, seed):',
    '    """The lab\'s seeded random selection: the first count of a shuffled 0 … n − 1."""',
    '    order = list(range(n))',
    '    LabRng(seed).shuffle(order)',
    '    return order[:count]',
    '',
    '',
    'def load_data(args):',
    ...part(data.train, 1, 'TRAIN'),
    ...(data.test === null ? ['    X_TEST, T_TEST = None, None'] : part(data.test, 2, 'TEST')),
    '    return X_TRAIN, T_TRAIN, X_TEST, T_TEST',
  ].join('\n');
}

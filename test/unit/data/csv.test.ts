import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toRows } from '../../../src/core/tensor.ts';
import type { ClassificationSet, RegressionSet } from '../../../src/data/dataset.ts';
import { CsvError, parseCsv, parseCsvSteps, ROWS_PER_YIELD } from '../../../src/data/csv.ts';

function csvErrorOf(f: () => unknown): CsvError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return e as CsvError;
  }
  throw new Error('expected a CsvError');
}

const IRIS = `sepal_length,sepal_width,petal_length,petal_width,species
5.1,3.5,1.4,0.2,setosa
7.0,3.2,4.7,1.4,versicolor
6.3,3.3,6.0,2.5,virginica
4.9,3.0,1.4,0.2,setosa
`;

describe('parseCsv: classification', () => {
  it('reads features and string classes in sorted order, target defaulting to the last column', () => {
    const ds = parseCsv(IRIS, { name: 'iris' }) as ClassificationSet;
    expect(ds.kind).toBe('classification');
    expect(ds.name).toBe('iris');
    expect([ds.x.rows, ds.x.cols]).toEqual([4, 4]);
    expect(toRows(ds.x)[1]).toEqual([7.0, 3.2, 4.7, 1.4]);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(ds.numClasses).toBe(3);
    expect(Array.from(ds.labels)).toEqual([0, 1, 2, 0]);
  });

  it('sorts integer classes numerically, not as strings', () => {
    const ds = parseCsv('a,label\n1,10\n2,9\n3,2\n4,10\n') as ClassificationSet;
    expect(ds.classNames).toEqual(['2', '9', '10']);
    expect(Array.from(ds.labels)).toEqual([2, 1, 0, 2]);
  });

  it('takes the target from any named column and keeps the other columns in order', () => {
    const ds = parseCsv('y,a,b\nyes,1,2\nno,3,4\n', { target: 'y' }) as ClassificationSet;
    expect(toRows(ds.x)).toEqual([[1, 2], [3, 4]]);
    expect(ds.classNames).toEqual(['no', 'yes']);
    expect(Array.from(ds.labels)).toEqual([1, 0]);
  });

  it('treats a numeric target as classes when asked to', () => {
    const ds = parseCsv('a,t\n1,0.5\n2,1.5\n3,0.5\n', { task: 'classification' }) as ClassificationSet;
    expect(ds.classNames).toEqual(['0.5', '1.5']);
    expect(Array.from(ds.labels)).toEqual([0, 1, 0]);
    const mixed = parseCsv('a,t\n1,0\n2,other\n', { task: 'classification' }) as ClassificationSet;
    expect(mixed.classNames).toEqual(['0', 'other']);
  });

  it('reads "1" and "1.0" as the same numeric class', () => {
    const ds = parseCsv('a,t\n1,1\n2,1.0\n3,2\n') as ClassificationSet;
    expect(ds.classNames).toEqual(['1', '2']);
    expect(Array.from(ds.labels)).toEqual([0, 0, 1]);
  });
});

describe('parseCsv: regression and auto detection', () => {
  it('chooses regression for fractional targets', () => {
    const ds = parseCsv('x1,x2,y\n1,2,0.5\n3,4,1.25\n') as RegressionSet;
    expect(ds.kind).toBe('regression');
    expect(ds.name).toBe('csv');
    expect(toRows(ds.y)).toEqual([[0.5], [1.25]]);
    expect(toRows(ds.x)).toEqual([[1, 2], [3, 4]]);
  });

  it('chooses classification for at most 20 distinct integers, regression above', () => {
    const rows = (k: number) => Array.from({ length: k }, (_, i) => `${i},${i}`).join('\n');
    expect(parseCsv(`a,t\n${rows(20)}`).kind).toBe('classification');
    expect(parseCsv(`a,t\n${rows(21)}`).kind).toBe('regression');
  });

  it('honours an explicit regression task on integer targets', () => {
    const ds = parseCsv('a,t\n1,0\n2,1\n', { task: 'regression' }) as RegressionSet;
    expect(Array.from(ds.y.data)).toEqual([0, 1]);
  });

  it('accepts signs, exponents and leading dots', () => {
    const ds = parseCsv('a,b,t\n-1.5e2,.5,+3\n') as ClassificationSet;
    expect(toRows(ds.x)).toEqual([[-150, 0.5]]);
  });
});

describe('parseCsv: tolerated syntax', () => {
  it('handles \\r\\n, no trailing newline, blank lines, a BOM and spaces around cells', () => {
    const ds = parseCsv('\uFEFFa , b,t\r\n1, 2 ,x\r\n\r\n3,4,y') as ClassificationSet;
    expect(toRows(ds.x)).toEqual([[1, 2], [3, 4]]);
    expect(ds.classNames).toEqual(['x', 'y']);
    expect(parseCsv('a,t\n1,x\n\n\n', { target: 't' }).x.rows).toBe(1);
  });

  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const ds = parseCsv('"feat, one",label\n"1.5","Smith, J."\n2,"say ""hi"""\n"3","two\nlines"\n4,"Smith, J."\n') as ClassificationSet;
    expect(toRows(ds.x)).toEqual([[1.5], [2], [3], [4]]);
    expect(ds.classNames).toEqual(['Smith, J.', 'say "hi"', 'two\nlines']);
    expect(Array.from(ds.labels)).toEqual([0, 1, 2, 0]);
  });

  it('numbers lines of later errors past a quoted newline', () => {
    const e = csvErrorOf(() => parseCsv('a,t\n1,"x\ny"\nfoo,z\n'));
    expect(e.line).toBe(4);
  });

  it('round-trips any numeric table (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 30,
        }),
        (rows) => {
          const text = 'a,y\n' + rows.map(([a, y]) => `${a},${y}`).join('\n');
          const ds = parseCsv(text, { task: 'regression' }) as RegressionSet;
          return rows.every(([a, y], i) => Object.is(ds.x.data[i], a === 0 ? 0 : a) && ds.y.data[i] === (y === 0 ? 0 : y));
        },
      ),
    );
  });
});

describe('parseCsv: errors name the line and column', () => {
  it('a non-numeric feature cell', () => {
    const text = IRIS.replace('6.3,3.3,6.0,2.5', '6.3,3.3,6.0,abc');
    const e = csvErrorOf(() => parseCsv(text));
    expect(e.line).toBe(4);
    expect(e.column).toBe('petal_width');
    expect(e.message).toBe('line 4, column "petal_width": "abc" is not a number');
  });

  it('an empty feature cell, and an empty target', () => {
    const e = csvErrorOf(() => parseCsv('a,b,t\n1,2,x\n1,,y\n'));
    expect([e.line, e.column]).toEqual([3, 'b']);
    expect(e.message).toMatch(/empty cell/);
    const t = csvErrorOf(() => parseCsv('a,t\n1,x\n2,\n'));
    expect([t.line, t.column]).toEqual([3, 't']);
    expect(t.message).toMatch(/empty target/);
  });

  it('a row with the wrong number of cells', () => {
    const e = csvErrorOf(() => parseCsv('a,b,t\n1,2,x\n1,2\n'));
    expect([e.line, e.column]).toEqual([3, null]);
    expect(e.message).toBe('line 3: expected 3 cells, got 2');
    expect(csvErrorOf(() => parseCsv('a,t\n1,x,extra\n')).message).toMatch(/expected 2 cells, got 3/);
  });

  it('a duplicate or empty header name', () => {
    const dup = csvErrorOf(() => parseCsv('a,b,a\n1,2,3\n'));
    expect([dup.line, dup.column]).toEqual([1, 'a']);
    expect(dup.message).toMatch(/appears twice/);
    const empty = csvErrorOf(() => parseCsv('a,,t\n1,2,3\n'));
    expect(empty.line).toBe(1);
    expect(empty.message).toMatch(/column 2 of the header has no name/);
  });

  it('an unknown target column', () => {
    const e = csvErrorOf(() => parseCsv('a,b\n1,2\n', { target: 'label' }));
    expect([e.line, e.column]).toEqual([1, 'label']);
    expect(e.message).toMatch(/no such target column; the columns are "a", "b"/);
  });

  it('no data rows, no header, no feature columns', () => {
    expect(csvErrorOf(() => parseCsv('a,b\n')).message).toBe('line 2: no data rows after the header');
    expect(csvErrorOf(() => parseCsv('a,b\n\n\n')).message).toMatch(/no data rows/);
    expect(csvErrorOf(() => parseCsv('')).message).toMatch(/header row is needed/);
    expect(csvErrorOf(() => parseCsv('t\nx\n')).message).toMatch(/no feature columns/);
  });

  it('a non-numeric target in a regression', () => {
    const e = csvErrorOf(() => parseCsv('a,y\n1,0.5\n2,oops\n', { task: 'regression' }));
    expect([e.line, e.column]).toEqual([3, 'y']);
    expect(e.message).toBe('line 3, column "y": "oops" is not a number');
    // In auto mode a mostly-numeric column with a stray word is reported, with a hint.
    expect(csvErrorOf(() => parseCsv('a,y\n1,0.5\n2,oops\n')).message).toMatch(/mixes numbers and text/);
  });

  it('bad quoting', () => {
    const open = csvErrorOf(() => parseCsv('a,t\n1,"never closed\n'));
    expect(open.line).toBe(2);
    expect(open.message).toMatch(/never closed/);
    expect(csvErrorOf(() => parseCsv('a,t\n1,"x"y\n')).message).toMatch(/after a closing quote/);
  });

  it('rejects non-finite and hexadecimal numbers', () => {
    for (const bad of ['Infinity', 'NaN', '0x10', '1e400', '1;5']) {
      expect(() => parseCsv(`a,t\n${bad},x\n`)).toThrow(CsvError);
    }
  });
});

describe('parseCsvSteps: the same parse in steps', () => {
  const rows = (n: number, target: (i: number) => string) => ['a,b,t', ...Array.from({ length: n }, (_, i) => `${i % 13},${(i % 7) / 7},${target(i)}`)].join('\n');

  it('yields its progress every ROWS_PER_YIELD rows, in order, and returns what parseCsv returns', () => {
    for (const text of [rows(10_000, (i) => ['x', 'y', 'z'][i % 3]!), rows(10_000, (i) => String(i % 4)), rows(10_000, (i) => String(i / 3))]) {
      const steps = parseCsvSteps(text);
      const progress: number[] = [];
      let r = steps.next();
      for (; !r.done; r = steps.next()) {
        expect(r.value.total).toBe(text.length);
        progress.push(r.value.done);
      }
      expect(progress.length).toBeGreaterThanOrEqual(Math.floor(10_000 / ROWS_PER_YIELD));
      expect(progress).toEqual([...progress].sort((p, q) => p - q));
      expect(r.value).toEqual(parseCsv(text));
    }
  });

  it('throws the same refusal as parseCsv, at the first problem in the text', () => {
    const text = rows(10_000, () => 'x').replace('\n5,', '\n5,?,');
    const whole = csvErrorOf(() => parseCsv(text));
    const steps = parseCsvSteps(text);
    const stepped = csvErrorOf(() => {
      for (let r = steps.next(); !r.done; r = steps.next());
    });
    expect([stepped.line, stepped.column, stepped.message]).toEqual([whole.line, whole.column, whole.message]);
    expect(whole.message).toMatch(/^line 7: expected 3 cells, got 4/);
  });
});

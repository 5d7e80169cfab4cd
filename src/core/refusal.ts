/**
 * Why something was refused, as a code with parameters: the one source from which every
 * language writes its message (English here, for errors, logs and the CLI; 简体中文 in
 * i18n/refusals-zh.ts), so no translation ever matches English text. `text` carries a detail
 * that has no code yet; it is shown as written.
 */
import { grouped } from './grouped.ts';

export type Refusal =
  | { readonly code: 'finite'; readonly got: string }
  | { readonly code: 'range'; readonly min: number; readonly max: number; readonly got: number }
  | { readonly code: 'integer'; readonly got: number }
  | { readonly code: 'whole-range'; readonly min: number; readonly max: number; readonly got: number }
  | { readonly code: 'positive'; readonly got: number }
  | { readonly code: 'one-of'; readonly allowed: readonly string[]; readonly got: string }
  | { readonly code: 'boolean' }
  | { readonly code: 'non-empty-string' }
  | { readonly code: 'string'; readonly empty: boolean; readonly got: string }
  | { readonly code: 'sample-index'; readonly max: number; readonly got: number }
  | { readonly code: 'non-finite' }
  | { readonly code: 'hidden-layers'; readonly max: number; readonly got: number }
  | { readonly code: 'softmax-outputs' }
  | { readonly code: 'owns-output'; readonly loss: string; readonly output: string; readonly got: string }
  | { readonly code: 'input-and-output' }
  | { readonly code: 'input-activation' }
  | { readonly code: 'data-inputs'; readonly data: string; readonly expected: number; readonly got: number }
  | { readonly code: 'max-chars'; readonly max: number; readonly got: number }
  /** A file refused by its size in bytes before it is read. */
  | { readonly code: 'max-file-bytes'; readonly max: number; readonly got: number }
  | { readonly code: 'csv-empty-cell' }
  | { readonly code: 'csv-empty-target' }
  /** cell: the value as a message quotes it (errors.ts shown). */
  | { readonly code: 'csv-not-number'; readonly cell: string; readonly hint: string }
  | { readonly code: 'csv-cells'; readonly expected: number; readonly got: number }
  | { readonly code: 'csv-no-target'; readonly columns: string }
  | { readonly code: 'csv-no-rows' }
  | { readonly code: 'csv-empty-text' }
  | { readonly code: 'csv-duplicate-column' }
  | { readonly code: 'csv-unclosed-quote' }
  | { readonly code: 'csv-after-quote'; readonly got: string }
  | { readonly code: 'csv-no-features'; readonly target: string }
  | { readonly code: 'csv-unnamed-column'; readonly column: number }
  | { readonly code: 'invalid-json'; readonly detail: string }
  | { readonly code: 'must-equal'; readonly expected: string; readonly got: string }
  | { readonly code: 'shape'; readonly rows: number; readonly cols: number; readonly gotRows: number; readonly gotCols: number }
  | { readonly code: 'weight-layers'; readonly expected: number; readonly got: number }
  | { readonly code: 'entries'; readonly expected: number; readonly got: number }
  | { readonly code: 'must-wait'; readonly command: string }
  | { readonly code: 'needs-experiment'; readonly command: string }
  | { readonly code: 'import-before-configure' }
  | { readonly code: 'no-checkpoint' }
  | { readonly code: 'http'; readonly what: string; readonly status: number }
  | { readonly code: 'link-damaged' }
  | { readonly code: 'link-too-long'; readonly max: number }
  | { readonly code: 'link-unreadable' }
  | { readonly code: 'link-parameter' }
  | { readonly code: 'not-a-view'; readonly got: string }
  | { readonly code: 'steps-per-second'; readonly min: number; readonly max: number; readonly got: string }
  | { readonly code: 'phase-seconds'; readonly min: number; readonly max: number; readonly got: string }
  | { readonly code: 'speed-text'; readonly got: string }
  | { readonly code: 'unknown-preset'; readonly name: string }
  | { readonly code: 'worker-crashed'; readonly detail: string }
  | { readonly code: 'worker-silent'; readonly seconds: number }
  | { readonly code: 'protocol-version'; readonly got: string; readonly expected: number }
  /** A value of the wrong kind: `kind` names what is needed (see KINDS); got: as a message quotes it. */
  | { readonly code: 'kind'; readonly kind: ValueKind; readonly got?: string }
  /** A list of the wrong length; `per`: what one entry stands for, when said. */
  | { readonly code: 'count'; readonly what: 'rows' | 'entries'; readonly expected: number; readonly got: number; readonly per?: 'weight-layer' }
  | { readonly code: 'file-too-long'; readonly chars: number; readonly max: number }
  | { readonly code: 'test-fraction-rows'; readonly rows: number }
  | { readonly code: 'one-class'; readonly data: string; readonly only: string }
  | { readonly code: 'output-values'; readonly data: string; readonly values: number; readonly got: number }
  | { readonly code: 'output-classes'; readonly data: string; readonly classes: number; readonly got: number }
  /** Not a refusal but a notice: full-batch descent over more rows than a batch holds runs as mini-batches. */
  | { readonly code: 'full-batch-split'; readonly max: number; readonly rows: number; readonly perEpoch: number }
  /** got: the name as a message quotes it (errors.ts shown). */
  | { readonly code: 'unknown-bug'; readonly got: string; readonly known: readonly string[] }
  | { readonly code: 'text'; readonly text: string };

/** What a value must be, for the `kind` refusal; each language names them (KINDS here, in English). */
export type ValueKind = 'object' | 'json-object' | 'array-of-rows' | 'array-of-numbers' | 'array-of-layers' | 'array-of-bug-names' | 'column-or-null' | 'file-text' | 'params' | 'params-entry';

const KINDS: { readonly [K in ValueKind]: string } = {
  object: 'an object',
  'json-object': 'a JSON object',
  'array-of-rows': 'an array of rows',
  'array-of-numbers': 'an array of numbers',
  'array-of-layers': 'an array of layers',
  'array-of-bug-names': 'an array of bug names',
  'column-or-null': 'a column name or null',
  'file-text': "the file's text",
  params: 'an array with one {W, b} per weight layer',
  'params-entry': 'an object {W, b}',
};

export type RefusalCode = Refusal['code'];

/** Where in a text a refusal points: a CSV line, and a column when one is to blame. */
export interface TextPlace {
  readonly line: number;
  readonly column: string | null;
}

type Writers = { readonly [C in RefusalCode]: (r: Extract<Refusal, { code: C }>) => string };

const ENGLISH: Writers = {
  finite: (r) => `must be a finite number, got ${r.got}`,
  range: (r) => `must be between ${r.min} and ${r.max}, got ${r.got}`,
  integer: (r) => `must be a whole number, got ${r.got}`,
  'whole-range': (r) => `must be a whole number from ${r.min} to ${r.max}, got ${r.got}`,
  positive: (r) => `must be greater than 0, got ${r.got}`,
  'one-of': (r) => `must be one of ${r.allowed.join(', ')}, got ${r.got}`,
  boolean: () => 'must be true or false',
  'non-empty-string': () => 'must be a non-empty string',
  string: (r) => `must be a ${r.empty ? '' : 'non-empty '}string, got ${r.got}`,
  'sample-index': (r) => `must be a sample index from 0 to ${r.max}, got ${r.got}`,
  'non-finite': () => 'contains NaN or Infinity',
  'hidden-layers': (r) => `at most ${r.max} hidden layers, got ${r.got}`,
  'softmax-outputs': () => 'softmax-cross-entropy needs at least 2 output units',
  'owns-output': (r) => `${r.loss} applies its own ${r.output} to the output, so the output layer's activation must be identity, got ${r.got}`,
  'input-and-output': () => 'needs an input layer and an output layer',
  'input-activation': () => 'the input layer has no activation',
  'data-inputs': (r) => `the ${r.data} data has ${r.expected} inputs, got ${r.got}`,
  'max-chars': (r) => `must be at most ${grouped(r.max)} characters, got ${grouped(r.got)}`,
  'max-file-bytes': (r) => `the file must be at most ${grouped(r.max)} bytes, got ${grouped(r.got)}; it was not read`,
  'csv-empty-cell': () => 'empty cell, a number is needed',
  'csv-empty-target': () => 'empty target',
  'csv-not-number': (r) => `${r.cell} is not a number${r.hint}`,
  'csv-cells': (r) => `expected ${r.expected} cells, got ${r.got}`,
  'csv-no-target': (r) => `there is no such target column; the columns are ${r.columns}`,
  'csv-no-rows': () => 'no data rows after the header',
  'csv-empty-text': () => 'the text is empty; a header row is needed',
  'csv-duplicate-column': () => 'this column name appears twice in the header',
  'csv-unclosed-quote': () => 'a quoted cell is never closed',
  'csv-after-quote': (r) => `unexpected ${r.got} after a closing quote`,
  'csv-no-features': (r) => `only the target column "${r.target}"; no feature columns`,
  'csv-unnamed-column': (r) => `column ${r.column} of the header has no name`,
  'invalid-json': (r) => `is not valid JSON (${r.detail})`,
  'must-equal': (r) => `must be ${JSON.stringify(r.expected)}, got ${r.got}`,
  shape: (r) => `expected ${r.rows} × ${r.cols}, got ${r.gotRows} × ${r.gotCols}`,
  'weight-layers': (r) => `expected ${r.expected} weight layers, got ${r.got}`,
  entries: (r) => `expected ${r.expected} entries, got ${r.got}`,
  'must-wait': (r) => `"${r.command}" must wait: the data is still loading`,
  'needs-experiment': (r) => `"${r.command}" needs a configured experiment first`,
  'import-before-configure': () => 'configure an experiment before importing a model',
  'no-checkpoint': () => 'there is no checkpoint to go back to',
  http: (r) => `could not load ${r.what}: HTTP ${r.status}`,
  'link-damaged': () => 'the link is cut short or damaged',
  'link-too-long': (r) => `the link is longer than the lab writes (${grouped(r.max)} characters)`,
  'link-unreadable': () => 'the link holds settings that cannot be read',
  'link-parameter': () => 'is not a setting a link can hold',
  'not-a-view': (r) => `is not a view, got ${r.got}`,
  'steps-per-second': (r) => `steps per second must be from ${r.min} to ${r.max}, got ${r.got}`,
  'phase-seconds': (r) => `a phase must last from ${r.min} to ${r.max} s, got ${r.got} s`,
  'speed-text': (r) => `must be "full", steps per second, or "phase-" and seconds, got ${r.got}`,
  'unknown-preset': (r) => `unknown preset "${r.name}"`,
  'worker-crashed': (r) => `the training worker crashed (${r.detail}) and was restarted; training restarted from step 0`,
  'worker-silent': (r) => `the training worker stopped answering for ${r.seconds} s and was restarted with the current settings; training restarted from step 0`,
  'protocol-version': (r) => `the worker spoke protocol version ${r.got}, expected ${r.expected}`,
  kind: (r) => `must be ${KINDS[r.kind]}${r.got === undefined ? '' : `, got ${r.got}`}`,
  count: (r) => `must have ${r.expected} ${r.what}${r.per === 'weight-layer' ? ' (one per weight layer)' : ''}, got ${r.got}`,
  'file-too-long': (r) => `the file has ${grouped(r.chars)} characters, more than the ${grouped(r.max)} read`,
  'test-fraction-rows': (r) => `must be 0 for data of ${r.rows} row: nothing is left to hold out for testing`,
  'one-class': (r) => `the data ${r.data} has only one class (${r.only}) in its target column; a classifier needs at least 2`,
  'output-values': (r) =>
    `the ${r.data} data has ${r.values} value${r.values === 1 ? '' : 's'} to predict per sample, so the output layer needs ${r.values} unit${r.values === 1 ? '' : 's'}, got ${r.got}`,
  'output-classes': (r) => `the ${r.data} data has ${r.classes} classes, so the output layer needs at least ${r.classes} units, got ${r.got}`,
  'full-batch-split': (r) =>
    `full-batch descent takes at most ${grouped(r.max)} rows at once; the ${grouped(r.rows)} training rows run as shuffled mini-batches of ${grouped(r.max)} (${r.perEpoch} steps an epoch)`,
  'unknown-bug': (r) => `unknown bug ${r.got} (known: ${r.known.join(', ')})`,
  text: (r) => r.text,
};

/** A refusal's detail in English. */
export function refusalEnglish(r: Refusal): string {
  return (ENGLISH[r.code] as (r: Refusal) => string)(r);
}

/** A refusal as it reaches the screen: the English message, and its code when it has one. */
export interface Shown {
  readonly message: string;
  readonly field?: string;
  readonly refusal?: Refusal;
  readonly place?: TextPlace;
}

/**
 * Why something was refused, as a code with parameters: the one source from which every
 * language writes its message (English here, for errors, logs and the CLI; 简体中文 in
 * i18n/refusals-zh.ts), so no translation ever matches English text. `text` carries a detail
 * that has no code yet; it is shown as written.
 */
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
  | { readonly code: 'input-and-output' }
  | { readonly code: 'input-activation' }
  | { readonly code: 'data-inputs'; readonly data: string; readonly expected: number; readonly got: number }
  | { readonly code: 'max-chars'; readonly max: number; readonly got: number }
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
  /** got: the name as a message quotes it (errors.ts shown). */
  | { readonly code: 'unknown-bug'; readonly got: string; readonly known: readonly string[] }
  | { readonly code: 'text'; readonly text: string };

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
  'input-and-output': () => 'needs an input layer and an output layer',
  'input-activation': () => 'the input layer has no activation',
  'data-inputs': (r) => `the ${r.data} data has ${r.expected} inputs, got ${r.got}`,
  'max-chars': (r) => `must be at most ${r.max.toLocaleString('en')} characters, got ${r.got.toLocaleString('en')}`,
  'csv-empty-cell': () => 'empty cell, a number is needed',
  'csv-empty-target': () => 'empty target',
  'csv-not-number': (r) => `${r.cell} is not a number${r.hint}`,
  'csv-cells': (r) => `expected ${r.expected} cells, got ${r.got}`,
  'csv-no-target': (r) => `there is no such target column; the columns are ${r.columns}`,
  'csv-no-rows': () => 'no data rows after the header',
  'csv-empty-text': () => 'the text is empty; a header row is needed',
  'csv-duplicate-column': () => 'this column name appears twice in the header',
  'csv-unclosed-quote': () => 'a quoted cell is never closed',
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
  'link-too-long': (r) => `the link is longer than the lab writes (${r.max.toLocaleString('en')} characters)`,
  'link-unreadable': () => 'the link holds settings that cannot be read',
  'link-parameter': () => 'is not a setting a link can hold',
  'not-a-view': (r) => `is not a view, got ${r.got}`,
  'steps-per-second': (r) => `steps per second must be from ${r.min} to ${r.max}, got ${r.got}`,
  'phase-seconds': (r) => `a phase must last from ${r.min} to ${r.max} s, got ${r.got} s`,
  'speed-text': (r) => `must be "full", steps per second, or "phase-" and seconds, got ${r.got}`,
  'unknown-preset': (r) => `unknown preset "${r.name}"`,
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

/** Shared by the hostile-input property tests: edits one place of an arbitrary JSON value. */
/** A JSON value with one place (chosen by path) replaced by `replacement`. */
export function replaceAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = replaceAt((value as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

/**
 * react-big-calendar's addon and view classes ship only as CommonJS; depending on the
 * bundler's interop their default export arrives once or twice wrapped in `{ default }`.
 */
export function unwrapDefault<T>(mod: unknown): T {
  let m = mod as { default?: unknown } | null;
  while (typeof m !== 'function' && m && 'default' in m) m = m.default as typeof m;
  return m as T;
}

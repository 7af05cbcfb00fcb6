/**
 * A text built from a few small arguments, computed once per distinct arguments: the month
 * grid asks for the same few translated titles (a day's load, "+N more") forty times.
 */
export function memoizeText<A extends (string | number | boolean)[]>(build: (...args: A) => string): (...args: A) => string {
  const seen = new Map<string, string>();
  return (...args: A) => {
    const key = args.join('\u0001');
    let text = seen.get(key);
    if (text === undefined) seen.set(key, (text = build(...args)));
    return text;
  };
}

/** A text safe in a file name on every platform: separators, reserved characters and quotes become dashes. */
export function fileSafe(s: string, max = 80): string {
  return s.replace(/[\\/:*?"<>|\s«»]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max) || 'tickler';
}

/**
 * A value from an input, as a message may repeat it: at most about 80 characters, control
 * characters shown as escapes. A 50 MB field or a file of binary bytes must not flood a CI log,
 * and a newline in a value must not start a line of its own there.
 */
export const ECHO_LIMIT = 80;

export function echo(value: string, limit = ECHO_LIMIT): string {
  const head = value.length > limit * 4 ? value.slice(0, limit * 4) : value;
  // eslint-disable-next-line no-control-regex
  const visible = head.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  if (visible.length <= limit && head.length === value.length) return visible;
  return `${visible.slice(0, limit - 1)}… (${value.length.toLocaleString('en-US')} characters)`;
}

/**
 * Tagged template for request paths: every interpolated value is one path
 * segment, percent-encoded, so an id can never add segments or a query.
 *
 * @example path`/v3/vehicles/${vehicleId}/signals/${code}`
 */
export function path(strings: TemplateStringsArray, ...values: readonly string[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`path segment ${i + 1} must be a non-empty string`);
    }
    // '.' and '..' survive encodeURIComponent but would be resolved away by URL parsing.
    const encoded =
      value === '.' || value === '..' ? value.replaceAll('.', '%2E') : encodeURIComponent(value);
    out += encoded + (strings[i + 1] ?? '');
  });
  return out;
}

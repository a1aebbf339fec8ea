/**
 * The value of a dynamic URL button's variable in its sample. Meta's sample is the whole URL with
 * the variable filled in (`https://shop.example/t/1042` for `https://shop.example/t/{{1}}`);
 * NXCloud reports the value alone (`1042`). Both give `1042`.
 *
 * @returns undefined when the URL has no variable, or the sample is a URL of another shape.
 */
export function urlButtonSampleValue(url: string, sample: string): string | undefined {
  const marker = url.indexOf('{{');
  const end = url.indexOf('}}', marker);
  if (marker < 0 || end < 0) return undefined;
  const prefix = url.slice(0, marker);
  const suffix = url.slice(end + 2);
  if (
    sample.length >= prefix.length + suffix.length &&
    sample.startsWith(prefix) &&
    sample.endsWith(suffix)
  ) {
    return sample.slice(prefix.length, sample.length - suffix.length);
  }
  return sample.includes('://') ? undefined : sample;
}

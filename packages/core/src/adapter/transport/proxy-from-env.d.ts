// proxy-from-env ships no types.
declare module 'proxy-from-env' {
  /**
   * The proxy URL for a URL from `<scheme>_proxy`, then `all_proxy` (lower case first, then upper
   * case), or '' when there is none or `no_proxy` excludes the URL's host.
   */
  export function getProxyForUrl(url: string | URL): string;
}

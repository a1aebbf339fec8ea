import { type AgentOptions, Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { HttpProxyAgent, HttpsProxyAgent, type ProxyAgentRequestOptions } from 'hpagent';

/** PEM certificates, as Node's `tls` options take them. */
export type CertificateAuthorities = string | Buffer | readonly (string | Buffer)[];

export interface HttpAgentsOptions {
  /**
   * Certificate authorities (PEM) trusted in addition to Node's bundled roots, for the vendor and
   * for an `https://` proxy: typically the CA of a corporate proxy that re-signs TLS traffic.
   * Without it, Node's default trust store is used (which `NODE_EXTRA_CA_CERTS` extends).
   */
  readonly ca?: CertificateAuthorities;
  /**
   * Resolves the host names this process connects to (the vendor's, or the proxy's: through a
   * proxy, the proxy resolves the vendor's), with the signature of `dns.lookup`, Node's default.
   * For custom resolution, and for tests that must not query DNS.
   */
  readonly lookup?: LookupFunction;
}

/** The TLS options of every connection: the same verification everywhere. */
interface TlsOptions {
  readonly rejectUnauthorized: true;
  readonly secureContext?: SecureContext;
}

/**
 * How long a kept-alive socket may stay idle in the pool, in milliseconds. Below the 5 s after
 * which Node.js servers (the emulator's among them) close idle connections, and well below the
 * usual load balancer's 60 s: a socket the server has closed would otherwise be picked for the
 * next request, which then fails with a reset and an `unknown` outcome. This only drops idle
 * sockets; Node's agent arms it as the socket's idle timeout, which on a socket in use merely
 * emits an event nobody listens to here (the attempt's own timer bounds the request).
 */
const FREE_SOCKET_TIMEOUT_MS = 4_000;

/**
 * The keep-alive agents of a transport: one per scheme for direct connections, and one per
 * scheme and proxy. Each agent pools its sockets per origin (host, port and TLS settings), so one
 * agent serves any number of vendor hosts. Build one set per configuration that differs (its
 * `ca`) and reuse it for every request: sockets are only reused within one set.
 *
 * TLS is the same everywhere: certificates are always verified (`rejectUnauthorized: true` is set
 * explicitly, so `NODE_TLS_REJECT_UNAUTHORIZED=0` cannot silently turn the check off).
 */
export class HttpAgents {
  readonly #agents = new Map<string, HttpAgent>();
  readonly #ca: CertificateAuthorities | undefined;
  readonly #lookup: LookupFunction | undefined;
  #tls: TlsOptions | undefined;

  constructor(options: HttpAgentsOptions = {}) {
    this.#ca = options.ca;
    this.#lookup = options.lookup;
  }

  /** The agent for requests to `target`'s scheme, direct or through `proxy`; made once, then reused. */
  agentFor(target: URL, proxy: URL | undefined): HttpAgent {
    const key = proxy === undefined ? target.protocol : `${target.protocol} ${proxy.href}`;
    let agent = this.#agents.get(key);
    if (agent === undefined) {
      agent = this.#create(target.protocol === 'https:', proxy);
      this.#agents.set(key, agent);
    }
    return agent;
  }

  /** Closes every pooled socket; requests in flight fail. */
  destroy(): void {
    for (const agent of this.#agents.values()) agent.destroy();
    this.#agents.clear();
  }

  /**
   * Built on first use. With extra authorities, one secure context holds Node's roots and them:
   * given as `ca`, Node would parse the 140-odd root certificates again for every connection.
   */
  #tlsOptions(): TlsOptions {
    if (this.#tls !== undefined) return this.#tls;
    const ca = this.#ca;
    const tls: TlsOptions =
      ca === undefined
        ? { rejectUnauthorized: true }
        : {
            rejectUnauthorized: true,
            // Node's `ca` replaces the default roots; the vendors' public certificates must still verify.
            secureContext: createSecureContext({
              ca: [...rootCertificates, ...(typeof ca === 'string' || Buffer.isBuffer(ca) ? [ca] : ca)],
            }),
          };
    this.#tls = tls;
    return tls;
  }

  #create(secure: boolean, proxy: URL | undefined): HttpAgent {
    const tls = this.#tlsOptions();
    const options: AgentOptions & TlsOptions & { lookup?: LookupFunction } = { keepAlive: true, ...tls };
    if (this.#lookup !== undefined) options.lookup = this.#lookup;
    if (proxy === undefined) {
      options.timeout = FREE_SOCKET_TIMEOUT_MS;
      return secure ? new HttpsAgent(options) : new HttpAgent(options);
    }
    // No free-socket timeout here: hpagent passes the agent's timeout to its CONNECT request as an
    // idle limit, which would fail a slow proxy's tunnel. Both of hpagent's agents tunnel with
    // CONNECT, plain-HTTP targets too, and then (for https) verify the vendor's certificate with
    // the options above. `proxyRequestOptions` are for the connection to the proxy itself.
    const proxyRequestOptions = this.#lookup === undefined ? { ...tls } : { ...tls, lookup: this.#lookup };
    // hpagent's types list only some of the options it passes on to the CONNECT request.
    const proxyOptions = {
      ...options,
      proxy,
      proxyRequestOptions: proxyRequestOptions as ProxyAgentRequestOptions,
    };
    return secure ? new HttpsProxyAgent(proxyOptions) : new HttpProxyAgent(proxyOptions);
  }
}

let shared: HttpAgents | undefined;

/** The agents of requests that name none: default trust store, made on first use. */
export function defaultHttpAgents(): HttpAgents {
  shared ??= new HttpAgents();
  return shared;
}

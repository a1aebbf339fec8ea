import { X509Certificate } from 'node:crypto';
import { type AgentOptions, Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { HttpProxyAgent, HttpsProxyAgent, type ProxyAgentRequestOptions } from 'hpagent';
import { ConfigError } from '../../errors/error-classes.js';

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
  readonly #lookup: LookupFunction | undefined;
  readonly #tls: TlsOptions;

  /** @throws ConfigError when `ca` holds anything but PEM certificates. */
  constructor(options: HttpAgentsOptions = {}) {
    const { ca, lookup } = options;
    this.#lookup = lookup;
    if (ca === undefined) {
      this.#tls = { rejectUnauthorized: true };
      return;
    }
    const authorities = typeof ca === 'string' || Buffer.isBuffer(ca) ? [ca] : [...ca];
    checkCertificates(authorities);
    // Node's `ca` replaces the default roots, and the vendors' public certificates must still
    // verify. Built once: given to each connection as `ca`, the 140-odd roots would be parsed
    // again for every one.
    this.#tls = {
      rejectUnauthorized: true,
      secureContext: createSecureContext({ ca: [...rootCertificates, ...authorities] }),
    };
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

  #create(secure: boolean, proxy: URL | undefined): HttpAgent {
    const tls = this.#tls;
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

/**
 * Node ignores whatever in `ca` is not a certificate, which would leave a mistyped file to
 * surface as a certificate failure much later: each entry must hold one or more PEM
 * certificates, and every one of them must parse.
 */
function checkCertificates(authorities: readonly (string | Buffer)[]): void {
  for (const [index, authority] of authorities.entries()) {
    const text = authority.toString();
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    let valid = blocks.length > 0;
    for (const block of blocks) {
      try {
        new X509Certificate(block);
      } catch {
        valid = false;
      }
    }
    if (!valid) {
      throw new ConfigError(
        `The ca option's entry ${index} is not a PEM certificate (-----BEGIN CERTIFICATE-----)`,
        {
          field: 'ca',
        },
      );
    }
  }
}

let shared: HttpAgents | undefined;

/** The agents of requests that name none: default trust store, made on first use. */
export function defaultHttpAgents(): HttpAgents {
  shared ??= new HttpAgents();
  return shared;
}

import { BlockList, isIP } from 'node:net';

/** 127.0.0.0/8 and ::1; Node's BlockList also matches their IPv4-mapped IPv6 forms. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether a URL's host name names this machine: `localhost`, 127.0.0.0/8 or ::1 (also as
 * `::ffff:127.x.y.z`). Takes `URL.hostname`, which the URL parser has already normalized
 * (lower-case, IPv4 in dotted decimal, IPv6 in brackets and compressed). Plain HTTP is allowed
 * to these hosts, and they never go through a proxy, so a local emulator works in a proxied shell.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (host === 'localhost' || host === 'localhost.') return true;
  const family = isIP(host);
  if (family === 0) return false;
  return LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

import { isIPv4, isIPv6 } from 'node:net';

/** What a `host:port` setting must look like. */
export interface HostPortRules {
  /** Whether the port may be left out (a client default applies then). */
  portOptional: boolean;
  /** Whether a bracketed IPv6 literal such as `[::1]` is accepted as the host. */
  ipv6: boolean;
  /** A valid value, quoted in messages so the operator sees the expected shape. */
  example: string;
  /** Where a scheme belongs instead, told to an operator who wrote one into the value. */
  schemeSetting?: string;
}

// Labels of letters, digits, hyphens and underscores: container and service names often carry an underscore.
const hostNameLabel = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/**
 * Why `value` is not a valid `host[:port]` under `rules`, worded to follow "VARIABLE: ", or undefined when it
 * is valid. Exactly one reason is given, so a value with a scheme is never also blamed for its port.
 */
export function hostPortProblem(value: string, rules: HostPortRules): string | undefined {
  const shape = rules.portOptional ? 'host[:port]' : 'host:port';
  if (value.includes('/')) {
    const scheme =
      rules.schemeSetting && /^[a-z]+:\/\//i.test(value) ? ` (set the scheme in ${rules.schemeSetting})` : '';
    return `must be ${shape} without scheme or path, e.g. ${rules.example}${scheme}`;
  }

  const parts = /^(\[[^\]]*\]|[^:[\]]*)(?::([^:]*))?$/.exec(value);
  if (!parts) {
    const brackets = rules.ipv6 ? ' with an IPv6 address in brackets (such as [::1])' : '';
    return `must be ${shape}${brackets}, e.g. ${rules.example}`;
  }
  const [, host = '', port] = parts;

  if (!isValidHost(host, rules.ipv6)) {
    const kinds = rules.ipv6
      ? 'a host name, an IPv4 address or a bracketed IPv6 address'
      : 'a host name or an IPv4 address';
    return `has an invalid host: must be ${kinds}, e.g. ${rules.example}`;
  }
  if (port === undefined) {
    return rules.portOptional ? undefined : `has no port: must be host:port, e.g. ${rules.example}`;
  }
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    return 'has an invalid port: must be a whole number from 1 to 65535';
  }
  return undefined;
}

function isValidHost(host: string, ipv6: boolean): boolean {
  if (host.startsWith('[')) return ipv6 && isIPv6(host.slice(1, -1));
  // A name made only of digits and dots can only be an IPv4 address (no top-level domain is numeric).
  if (/^[\d.]+$/.test(host)) return isIPv4(host);
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => hostNameLabel.test(label));
}

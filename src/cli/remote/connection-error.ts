/**
 * A failed connection as kubectl words it. Models kubectl pkg/cmd/util/helpers.go
 * StandardErrorMessage for *url.Error: "connection refused" gets its own sentence naming the
 * host; anything else is `Unable to connect to the server: <Go's dial/TLS error>`.
 */
import type { ApiConnectionError as ApiConnectionErrorShape } from '../../engine/api/client.ts';

/** The ApiClient contract's unreachable-server rejection (recognised by its name). */
export class ApiConnectionError extends Error implements ApiConnectionErrorShape {
  override readonly name = 'ApiConnectionError';
}

/** The Go error text for a Node socket or TLS error code, as net/http and crypto/tls put it. */
function goErrorText(code: string | undefined, hostPort: string, host: string): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${host}: no such host`;
    case 'ETIMEDOUT':
      return `dial tcp ${hostPort}: i/o timeout`;
    case 'EHOSTUNREACH':
      return `dial tcp ${hostPort}: connect: no route to host`;
    case 'ENETUNREACH':
      return `dial tcp ${hostPort}: connect: network is unreachable`;
    case 'ECONNRESET':
      return `read tcp ${hostPort}: read: connection reset by peer`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
    case 'CERT_HAS_EXPIRED':
      return 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `tls: failed to verify certificate: x509: certificate is not valid for ${host}`;
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'tls: first record does not look like a TLS handshake';
    default:
      return `dial tcp ${hostPort}: connect: ${code ? code.toLowerCase() : 'connection failed'}`;
  }
}

export function connectionError(error: unknown, server: URL): ApiConnectionError {
  const code = (error as { code?: string } | undefined)?.code;
  const port = server.port || (server.protocol === 'https:' ? '443' : '80');
  const hostPort = `${server.hostname}:${port}`;
  if (code === 'ECONNREFUSED') return new ApiConnectionError(`The connection to the server ${server.host} was refused - did you specify the right host or port?`);
  return new ApiConnectionError(`Unable to connect to the server: ${goErrorText(code, hostPort, server.hostname)}`);
}

/**
 * @module listen-error
 * Turns the raw errors of `server.listen` (EADDRINUSE, EACCES, EADDRNOTAVAIL) into one that says
 * which address failed and how to fix it. `code` keeps Node's code, so callers can still test it.
 */

const EXPLAIN: Record<string, { fact: (where: string) => string; fix: string }> = {
  EADDRINUSE: {
    fact: (where) => `${where} is already in use.`,
    fix: 'Pick another port, or 0 for a free one.',
  },
  EACCES: {
    fact: (where) => `Not permitted to listen on ${where}.`,
    fix: 'Ports below 1024 need root: use 0 for a free port, or 1024-65535.',
  },
  EADDRNOTAVAIL: {
    fact: (where) => `Cannot listen on ${where}: the address is not one of this machine's.`,
    fix: 'Keep the default host, 127.0.0.1.',
  },
  // A --host name that does not resolve fails in getaddrinfo before listen.
  ENOTFOUND: {
    fact: (where) => `Cannot listen on ${where}: the host name does not resolve.`,
    fix: 'Give an IP address, or keep the default host, 127.0.0.1.',
  },
  EAI_AGAIN: {
    fact: (where) => `Cannot listen on ${where}: the host name could not be resolved now.`,
    fix: 'Give an IP address, or keep the default host, 127.0.0.1.',
  },
};

export class ListenError extends Error {
  override readonly name = 'ListenError';

  constructor(
    readonly code: string,
    readonly host: string,
    readonly port: number,
    /** What went wrong, without the advice. */
    readonly fact: string,
    fix: string,
  ) {
    super(`${fact} ${fix}`);
  }
}

export function explainListenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const explain = code === undefined ? undefined : EXPLAIN[code];
  if (code === undefined || explain === undefined) return error;
  return new ListenError(code, host, port, explain.fact(`${host}:${port}`), explain.fix);
}

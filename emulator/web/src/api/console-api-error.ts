/** A refused console API call: HTTP status, the server's stable code and its reason. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'ConsoleApiError';
  }
}

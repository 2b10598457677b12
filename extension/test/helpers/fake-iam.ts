/**
 * A fake IAM endpoint for msw: verifies SDK-HMAC-SHA256 with the shared verifier, the way the
 * emulator will, and records what it received so tests can check the exact request.
 */
import { verifySignature, type VerifyResult } from '@iam-testbed/shared';
import { http, HttpResponse } from 'msw';

export const PERMANENT = {
  ak: 'EMUPPERMANENT0000001',
  sk: 'EmuPermanentSecretKey0000000000000000001',
};
export const TEMPORARY = {
  access: 'EMUTTEMPORARY0000001',
  secret: 'EmuTemporarySecretKey0000000000000000001',
  securitytoken: 'EMUSTS' + 'a'.repeat(128),
};

export interface Received {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  verification?: VerifyResult;
}

export async function receive(
  request: Request,
  secrets: Record<string, string>,
  now?: Date,
): Promise<Received> {
  const url = new URL(request.url);
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bytes = new Uint8Array(await request.arrayBuffer());
  const received: Received = {
    method: request.method,
    url,
    headers,
    body: new TextDecoder().decode(bytes),
  };
  const ak = /Access=([^,\s]+)/.exec(headers.authorization ?? '')?.[1];
  const secret = ak ? secrets[ak] : undefined;
  if (secret !== undefined) {
    received.verification = await verifySignature(
      {
        method: request.method,
        path: url.pathname,
        rawQuery: url.search.slice(1),
        headers,
        body: bytes,
      },
      secret,
      now ? { now } : {},
    );
  }
  return received;
}

/** POST …/securitytokens: 201 with TEMPORARY when the signature verifies or a token is sent. */
export function securityTokensHandler(
  endpoint: string,
  log: Received[],
  opts: { expiresAt: string; serverDate?: string; now?: Date },
) {
  return http.post(`${endpoint}/v3.0/OS-CREDENTIAL/securitytokens`, async ({ request }) => {
    const received = await receive(request, { [PERMANENT.ak]: PERMANENT.sk }, opts.now);
    log.push(received);
    const tokenOk = received.headers['x-auth-token'] === 'MIIUserToken';
    if (!tokenOk && !received.verification?.ok) {
      return HttpResponse.json(
        {
          error_code: 'APIGW.0301',
          error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
          request_id: '0'.repeat(32),
        },
        { status: 401 },
      );
    }
    const headers = opts.serverDate ? { date: opts.serverDate } : undefined;
    return HttpResponse.json(
      { credential: { ...TEMPORARY, expires_at: opts.expiresAt } },
      { status: 201, ...(headers ? { headers } : {}) },
    );
  });
}

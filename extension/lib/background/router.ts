/**
 * @module background/router
 * The background's message handler: who is asking (sender), what (shape), then the work. Kept
 * free of listener plumbing so tests call it with any sender and any payload.
 */
import { scheduleClear } from '../clipboard/auto-clear';
import { heldFromCapture } from '../keys/held-key';
import { saysKeyExpired } from '../keys/iam-error';
import { deleteKey, getKey, listKeys, putKey } from '../keys/key-store';
import { mintTemporaryKey } from '../keys/mint';
import { listLastRead, recordRead } from '../last-read/last-read-store';
import { ExtensionError, toWireError, type Result } from '../messages/errors';
import { parseBackgroundRequest } from '../messages/parse-request';
import type { PageRequest, ResponseMap, SignResult } from '../messages/protocol';
import { classifySender, type SenderLike } from '../messages/sender';
import type { Options } from '../options/options';
import { sendSigned } from '../signing/send';
import { signUserRequest } from '../signing/user-request';

export interface RouterDeps {
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  extensionOrigin: string;
  now: () => number;
  fetch: typeof fetch;
  loadOptions: () => Promise<Options>;
}

type AnyResponse = Result<ResponseMap[keyof ResponseMap]>;

async function sign(
  req: Extract<PageRequest, { type: 'sign' }>,
  deps: RouterDeps,
): Promise<SignResult> {
  const now = deps.now();
  const key = await getKey(req.access, now);
  if (!key)
    throw new ExtensionError(
      'KEY_NOT_FOUND',
      'That temporary key is no longer held (it expired or was deleted). Capture or mint a new one.',
    );
  const signed = await signUserRequest(
    req.request,
    { ak: key.access, sk: key.secret, securityToken: key.securityToken },
    new Date(now),
  );
  const result: SignResult = {
    canonicalRequest: signed.canonicalRequest,
    stringToSign: signed.stringToSign,
    url: signed.url,
    method: signed.method,
    headers: Object.entries(signed.headers),
  };
  if (!req.send) return result;
  const response = await sendSigned(signed, req.request.body, deps.fetch);
  if (saysKeyExpired(response.status, response.body)) {
    await deleteKey(key.access);
    return { ...result, response, keyExpired: true };
  }
  return { ...result, response };
}

async function handlePage(
  req: PageRequest,
  deps: RouterDeps,
): Promise<ResponseMap[keyof ResponseMap]> {
  switch (req.type) {
    case 'lastRead/list':
      return { entries: await listLastRead() };
    case 'keys/list':
      return { keys: await listKeys(deps.now()) };
    case 'keys/store': {
      const key = heldFromCapture(req.key, deps.now());
      if (key.expiresAt <= deps.now())
        throw new ExtensionError(
          'KEY_EXPIRED',
          'The page shows a key that has already expired. Generate a new one.',
        );
      await putKey(key, deps.now());
      return { key };
    }
    case 'keys/mint': {
      const key = await mintTemporaryKey(req.request, deps);
      await putKey(key, deps.now());
      return { key };
    }
    case 'keys/delete':
      return { deleted: await deleteKey(req.access) };
    case 'sign':
      return sign(req, deps);
    case 'clipboard/copied': {
      const seconds = (await deps.loadOptions()).clipboardClearSeconds;
      await scheduleClear(req.digest, seconds);
      return { scheduled: seconds > 0 };
    }
  }
}

export async function handleMessage(
  raw: unknown,
  sender: SenderLike,
  deps: RouterDeps,
): Promise<AnyResponse> {
  try {
    const kind = classifySender(sender, deps.runtimeId, deps.extensionOrigin);
    if (kind === 'foreign')
      throw new ExtensionError(
        'FORBIDDEN_SENDER',
        'Messages are accepted only from this extension.',
      );
    const req = parseBackgroundRequest(raw);
    if (req.type === 'credentials/read') {
      if (kind !== 'content-script' || !sender.url)
        throw new ExtensionError(
          'FORBIDDEN_SENDER',
          'Only the console page reader reports page data.',
        );
      const recorded = await recordRead(new URL(sender.url).origin, req.result, deps.now());
      return { ok: true, recorded: recorded !== undefined };
    }
    // Content scripts send data, never commands (docs/reference/console-and-extension.md §4.6).
    if (kind !== 'extension-page')
      throw new ExtensionError(
        'FORBIDDEN_SENDER',
        'Page scripts may only report what the page shows.',
      );
    return { ok: true, ...(await handlePage(req, deps)) };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}

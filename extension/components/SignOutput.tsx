import type { SignResult } from '../lib/messages/protocol';
import { curlSnippet, fetchSnippet } from '../lib/signing/snippets';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';
import { SecretText } from './SecretText';

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The signed request (canonical request, string to sign, headers, snippets) and the response. */
export function SignOutput({ result, body }: { result: SignResult; body: string }) {
  const { t } = usePopup();
  const signed = {
    method: result.method,
    url: result.url,
    headers: Object.fromEntries(result.headers),
    canonicalRequest: result.canonicalRequest,
    stringToSign: result.stringToSign,
    signature: '',
    authorization: '',
  };
  const response = result.response;
  const statusClass = response
    ? response.status < 300
      ? 'http-ok'
      : response.status < 400
        ? 'http-redirect'
        : 'http-error'
    : '';
  return (
    <div class="sign-output">
      <h3>{t('canonicalRequest')}</h3>
      <pre class="code" aria-label={t('canonicalRequest')}>
        {result.canonicalRequest.replace(/(x-security-token:).*/i, '$1••••••••')}
      </pre>
      <h3>{t('stringToSign')}</h3>
      <pre class="code" aria-label={t('stringToSign')}>
        {result.stringToSign}
      </pre>
      <h3>{t('signedHeaders')}</h3>
      <dl class="rows headers-list" aria-label={t('signedHeaders')}>
        {result.headers.map(([name, value]) =>
          name.toLowerCase() === 'x-security-token' ? (
            <SecretText key={name} label={name} value={value} />
          ) : (
            <div class="field row" key={name}>
              <dt class="row-label">{name}</dt>
              <dd class="row-value">
                <code class="value mono wrap">{value}</code>
              </dd>
            </div>
          ),
        )}
      </dl>
      <div class="exports">
        <span class="toolbar-label" aria-hidden="true">
          {t('copyAs')}
        </span>
        <CopyButton text={curlSnippet(signed, body)} what="curl" label="curl" secret />
        <CopyButton text={fetchSnippet(signed, body)} what="fetch" label="fetch" secret />
      </div>
      {result.keyExpired && (
        <p role="alert" class="callout callout-error">
          {t('keyExpiredByServer')}
        </p>
      )}
      {response && (
        <section class="response" aria-labelledby="response-title">
          <h3 id="response-title">
            {t('response')}:{' '}
            <output class={`http-status ${statusClass}`} aria-label="HTTP status">
              {response.status}
            </output>{' '}
            <span class="http-text">{response.statusText}</span>
          </h3>
          <details class="inline-details">
            <summary>{t('responseHeaders')}</summary>
            <pre class="code">{response.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}</pre>
          </details>
          <pre class="code" aria-label={t('responseBody')}>
            {prettyBody(response.body)}
            {response.truncated && `\n${t('truncated')}`}
          </pre>
        </section>
      )}
    </div>
  );
}

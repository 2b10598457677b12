/**
 * Published SDK-HMAC-SHA256 vectors: Go SDK signer_test.go (docs/reference/huawei-iam-api.md §8.3) and the Node SDK
 * captures (docs/reference/sdk-wire.md §7.4). Copied verbatim from the references, never computed here.
 */

export const GO_DATE = new Date('2006-01-02T15:04:05Z');
export const GO_CRED = { ak: 'AccessKey', sk: 'SecretKey' };

export const GO_VECTOR_1 = {
  request: { method: 'GET', url: 'https://example.huaweicloud.com/path?limit=1' },
  canonicalRequest:
    'GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  authorization:
    'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
};

export const GO_VECTOR_2 = {
  request: {
    method: 'POST',
    url: 'https://example.huaweicloud.com/path?key=value',
    body: '{"Name":"test","Id":1}\n',
  },
  signature: 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
};

export const NODE_DATE = new Date('2024-01-02T03:04:05Z');
export const NODE_DOMAIN = '0123456789abcdef0123456789abcdef';
export const NODE_PERMANENT = {
  ak: 'HPUAPROBEAK0000000001',
  sk: 'probeSecretKey0000000000000000000000000001',
};
export const NODE_TEMPORARY = {
  ak: 'HSTAPROBETMPAK000001',
  sk: 'probeTempSecretKey00000000000000000000002',
  securityToken: 'gQpjbi1ub3J0aC00ibr8sP' + 'x'.repeat(40) + '==',
};
const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-Domain-Id': NODE_DOMAIN };

export const NODE_EXAMPLE_A = {
  cred: NODE_PERMANENT,
  request: {
    method: 'GET',
    url: 'https://iam.myhuaweicloud.com/v3.0/OS-CREDENTIAL/credentials?user_id=aaaabbbbccccddddeeeeffff00001111',
    headers: JSON_HEADERS,
  },
  canonicalRequest: [
    'GET',
    '/v3.0/OS-CREDENTIAL/credentials/',
    'user_id=aaaabbbbccccddddeeeeffff00001111',
    'content-type:application/json',
    'host:iam.myhuaweicloud.com',
    'x-domain-id:0123456789abcdef0123456789abcdef',
    'x-sdk-date:20240102T030405Z',
    '',
    'content-type;host;x-domain-id;x-sdk-date',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n'),
  canonicalRequestSha256: '4135ec9086e3240c804cee2db25fb44cea6ff79e967683baf480120f2afb006c',
  stringToSign:
    'SDK-HMAC-SHA256\n20240102T030405Z\n4135ec9086e3240c804cee2db25fb44cea6ff79e967683baf480120f2afb006c',
  signature: '168da49a67cea59bb63fde5f44dc61d9a0aa40723b82fb572d55e0cb37af7530',
  authorization:
    'SDK-HMAC-SHA256 Access=HPUAPROBEAK0000000001, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=168da49a67cea59bb63fde5f44dc61d9a0aa40723b82fb572d55e0cb37af7530',
};

export const NODE_EXAMPLE_B = {
  cred: NODE_PERMANENT,
  request: {
    method: 'POST',
    url: 'https://iam.myhuaweicloud.com/v3.0/OS-CREDENTIAL/credentials',
    headers: JSON_HEADERS,
    body: '{"credential":{"user_id":"aaaabbbbccccddddeeeeffff00001111","description":"probe key"}}',
  },
  bodySha256: 'cbd44491ce8878157ef187fe04185a9d8fa04b386ef240af1e689b6741a83913',
  canonicalRequest: [
    'POST',
    '/v3.0/OS-CREDENTIAL/credentials/',
    '',
    'content-type:application/json',
    'host:iam.myhuaweicloud.com',
    'x-domain-id:0123456789abcdef0123456789abcdef',
    'x-sdk-date:20240102T030405Z',
    '',
    'content-type;host;x-domain-id;x-sdk-date',
    'cbd44491ce8878157ef187fe04185a9d8fa04b386ef240af1e689b6741a83913',
  ].join('\n'),
  canonicalRequestSha256: '3c37975959712fbaa17ac7020899ab4dae50ae0dedab35317865054ebef3d568',
  signature: '6a1c112c070cbe954f20dbdfb24f2af232a1d983d60124b072cfca3a765ccdab',
};

export const NODE_EXAMPLE_C = {
  cred: NODE_TEMPORARY,
  request: {
    method: 'GET',
    url: "https://iam.myhuaweicloud.com/v3/projects?name=a%20b%2Bc!*'()~%C3%A9&enabled=true&page=2&per_page=50",
    headers: JSON_HEADERS,
  },
  wirePath: '/v3/projects',
  wireQuery: "name=a%20b%2Bc!*'()~%C3%A9&enabled=true&page=2&per_page=50",
  canonicalRequest: [
    'GET',
    '/v3/projects/',
    'enabled=true&name=a%20b%2Bc%21%2A%27%28%29~%C3%A9&page=2&per_page=50',
    'content-type:application/json',
    'host:iam.myhuaweicloud.com',
    'x-domain-id:0123456789abcdef0123456789abcdef',
    'x-sdk-date:20240102T030405Z',
    'x-security-token:gQpjbi1ub3J0aC00ibr8sPxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==',
    '',
    'content-type;host;x-domain-id;x-sdk-date;x-security-token',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n'),
  canonicalRequestSha256: '7009d7e730c384e06dd8e821b0e38f2ca8d99c44941ac9ea213b7488a8ad33a9',
  signature: 'ef32922a695f33e376b2a9e254343fddc410d006f774b6f4a5d530df05f23de9',
};

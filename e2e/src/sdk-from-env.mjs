// Run by journey 5 in a real shell after `export`ing the lines the popup's "Copy as env vars"
// put on the clipboard: the official SDK builds its credential from HUAWEICLOUD_SDK_* alone (no
// withCredential), and calls the endpoint the lines name. Prints one JSON line and exits 0 on a
// 2xx answer, 1 otherwise.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const iam = require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api');
require('@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger').Logger4jInstance.level = 'off';

const endpoint = process.env.HUAWEICLOUD_SDK_IAM_ENDPOINT;
if (!endpoint) {
  console.log(JSON.stringify({ error: 'HUAWEICLOUD_SDK_IAM_ENDPOINT is not set' }));
  process.exit(1);
}
try {
  const client = iam.IamClient.newBuilder().withEndpoint(endpoint).build();
  const res = await client.keystoneListAuthProjects(new iam.KeystoneListAuthProjectsRequest());
  console.log(
    JSON.stringify({ status: res.httpStatusCode, projects: (res.projects ?? []).map((p) => p.id) }),
  );
} catch (e) {
  console.log(
    JSON.stringify({
      status: e.httpStatusCode,
      error_code: e.errorCode,
      error_msg: e.errorMsg ?? String(e.message),
    }),
  );
  process.exit(1);
}

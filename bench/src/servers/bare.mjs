// The floor: bare node:http answering the credential JSON the emulator answers for
// GET /v3.0/OS-CREDENTIAL/credentials/{ak} (credential.mjs), on any path. Plain .mjs so start-up
// is node's alone.
import http from 'node:http';
import { CREDENTIAL } from './credential.mjs';

http
  .createServer((req, res) => {
    const body = JSON.stringify(CREDENTIAL);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

// The floor: bare node:http answering the credential JSON the emulator answers for
// GET /v3.0/OS-CREDENTIAL/credentials/{ak}, on any path. Plain .mjs so start-up is node's alone.
import http from 'node:http';

const credential = {
  credential: {
    user_id: '07609fb9358010e21f7bc003751c7c32',
    access: 'EMUPABCDEFGHIJ012345',
    status: 'active',
    created_at: '2025-11-23T01:47:00.000000Z',
    last_use_time: '2025-11-23T01:47:00.000000Z',
    description: 'bench',
  },
};

http
  .createServer((req, res) => {
    const body = JSON.stringify(credential);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

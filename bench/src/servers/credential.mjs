// The credential JSON the emulator answers for GET /v3.0/OS-CREDENTIAL/credentials/{ak}: the one
// body both baseline servers (bare.mjs, express.mjs) answer, so they serve exactly the same bytes.
export const CREDENTIAL = {
  credential: {
    user_id: '07609fb9358010e21f7bc003751c7c32',
    access: 'EMUPABCDEFGHIJ012345',
    status: 'active',
    created_at: '2025-11-23T01:47:00.000000Z',
    last_use_time: '2025-11-23T01:47:00.000000Z',
    description: 'bench',
  },
};

// Express 5 hello-world with default settings (ETag, X-Powered-By), answering the same JSON as
// bare.mjs on the same path the emulator serves. Express comes from the emulator package (it is
// the emulator's own Express), located by the bench and passed in EXPRESS_URL, so the bench adds
// no dependency; the import is resolved before anything listens, as a static import would be.
const { default: express } = await import(process.env.EXPRESS_URL);

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

const app = express();
app.get('/v3.0/OS-CREDENTIAL/credentials/:access', (req, res) => {
  res.json(credential);
});
app.listen(Number(process.env.PORT), '127.0.0.1');

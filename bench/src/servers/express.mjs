// Express 5 hello-world with default settings (ETag, X-Powered-By), answering the same JSON as
// bare.mjs (credential.mjs) on the same path the emulator serves. Express comes from the emulator
// package (it is the emulator's own Express), located by the bench and passed in EXPRESS_URL, so
// the bench adds no dependency; the import is resolved before anything listens, as a static import
// would be.
import { CREDENTIAL } from './credential.mjs';

const { default: express } = await import(process.env.EXPRESS_URL);

const app = express();
app.get('/v3.0/OS-CREDENTIAL/credentials/:access', (req, res) => {
  res.json(CREDENTIAL);
});
app.listen(Number(process.env.PORT), '127.0.0.1');

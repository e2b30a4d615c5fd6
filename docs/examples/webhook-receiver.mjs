// Receives Coil's signals: checks the Standard Webhooks signature, answers 204 at once, and
// handles each signal once. Coil delivers at least once and the webhook-id is the signal's id,
// so deduplicating on it is all exactly-once takes (keep the ids in your database in production).
// npm install standardwebhooks && COIL_WEBHOOK_SECRET=whsec_... PORT=3000 node webhook-receiver.mjs
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.COIL_WEBHOOK_SECRET);
const seen = new Set(); // in production: a unique key on webhook-id in your database

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let signal;
    try {
      signal = webhook.verify(Buffer.concat(chunks).toString('utf8'), req.headers);
    } catch {
      return res.writeHead(401).end(); // forged, altered, or more than 5 min old
    }
    res.writeHead(204).end();
    const id = req.headers['webhook-id'];
    if (seen.has(id)) return; // a retry of a signal already handled
    seen.add(id);
    console.log('processed', id, signal.kind, JSON.stringify(signal.subject));
  });
});
server.listen(Number(process.env.PORT ?? 3000), () => console.log('listening on', server.address().port));

// A webhook receiver in a process of its own, for the delivery bench: verifies every request with
// standardwebhooks (one of RECEIVER_SECRETS, a comma list), answers 200, and counts requests and distinct webhook-ids.
// GET /stats answers {requests, unique, rejected}.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const port = Number(process.env.RECEIVER_PORT ?? 18097);
const webhooks = (process.env.RECEIVER_SECRETS ?? '').split(',').map((secret) => new Webhook(secret));
const seen = new Set<string>();
let requests = 0;
let rejected = 0;

function verified(body: string, headers: Record<string, string>): boolean {
  return webhooks.some((webhook) => {
    try {
      webhook.verify(body, headers);
      return true;
    } catch {
      return false;
    }
  });
}

createServer((request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ requests, unique: seen.size, rejected }));
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    requests += 1;
    if (!verified(Buffer.concat(chunks).toString('utf8'), request.headers as Record<string, string>)) {
      rejected += 1;
      response.writeHead(401).end();
      return;
    }
    seen.add(String(request.headers['webhook-id']));
    response.writeHead(200).end('ok');
  });
}).listen(port, '127.0.0.1');

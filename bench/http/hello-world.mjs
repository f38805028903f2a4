// The ceiling of this machine: a bare Fastify route answering a constant JSON object, in its own
// process, measured with the same load settings as the motcua scenarios (bench/http.bench.ts).
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`hello-world listening on ${app.server.address().port}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

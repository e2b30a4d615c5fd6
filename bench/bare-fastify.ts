import Fastify from 'fastify';

/** The framework's share of the ceiling: bare Fastify, its own JSON parser, answering 202. */
const app = Fastify();
app.post('/*', (_request, reply) => reply.code(202).send({ success: true }));
app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).then(
  () => {
    const address = app.server.address();
    if (address && typeof address === 'object') process.stdout.write(`listening ${address.port}\n`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// Every test process talks to its own database (coil_test) unless told otherwise.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/coil_test';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.LOG_LEVEL ??= 'silent';

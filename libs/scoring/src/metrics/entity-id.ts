/** Account or user id as the caller holds it (Prisma BigInt, numeric string, number). */
export type EntityId = string | number | bigint;

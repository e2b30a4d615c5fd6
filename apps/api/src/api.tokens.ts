export const PRISMA = Symbol('PRISMA');
export const INSIGHTS_PROVIDER = Symbol('INSIGHTS_PROVIDER');

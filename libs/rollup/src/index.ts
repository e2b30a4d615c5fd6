export * from './dead-letter';
export * from './planning';
export * from './repositories';
export * from './services';
export { retryDelayMs } from './retry-delay';

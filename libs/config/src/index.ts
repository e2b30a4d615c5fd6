export { loadConfig, type CoilConfig } from './config';

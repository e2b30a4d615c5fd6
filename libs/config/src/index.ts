export { loadConfig, NODE_OPTIONS_BY_APP, type CoilConfig } from './config';

export const REDIS = Symbol('REDIS');
export const API_LOGGER = Symbol('API_LOGGER');
export const INSIGHTS_PROVIDER = Symbol('INSIGHTS_PROVIDER');

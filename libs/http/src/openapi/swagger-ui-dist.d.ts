// swagger-ui-dist ships without types; this is the one function we call.
declare module 'swagger-ui-dist' {
  export function getAbsoluteFSPath(): string;
}

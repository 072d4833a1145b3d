// The Readiness version evidence stamps record: package.json's, put in by the
// bundler (scripts/build.mjs); sources run directly (tests under tsx) say `dev`.
declare const READINESS_VERSION: string | undefined;

export const RUNNER_VERSION: string = typeof READINESS_VERSION === 'string' ? READINESS_VERSION : 'dev';

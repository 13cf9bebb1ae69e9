import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The Docker image ships Next's standalone server (NEXT_STANDALONE=1 in its build stage); `next start`,
  // which the demo and the e2e tests use, serves the ordinary build.
  output: process.env.NEXT_STANDALONE === '1' ? 'standalone' : undefined,
  poweredByHeader: false,
  // Native/wasm-backed packages must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'mysql2', 'mqtt', 'pino'],
};

export default nextConfig;

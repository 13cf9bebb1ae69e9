import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // Native/wasm-backed packages must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'mysql2', 'mqtt', 'pino'],
};

export default nextConfig;

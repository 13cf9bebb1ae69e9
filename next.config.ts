import type { NextConfig } from 'next';
import { defaultViewRewrite } from './lib/explorer/default-view';

const dev = process.env.NODE_ENV !== 'production';

/**
 * Content-Security-Policy of every response. Scripts: 'self' plus 'unsafe-inline', because Next
 * streams its RSC payload in inline <script> tags and a nonce would only reach pages rendered per
 * request (the prerendered 404 and error pages would lose their scripts); no other origin may run
 * code, be framed, framed in, posted to or connected to. Dev adds what React Refresh needs.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'", // recharts and React set style attributes
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${dev ? ' ws:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  // The Docker image ships Next's standalone server (NEXT_STANDALONE=1 in its build stage); `next start`,
  // which the demo and the e2e tests use, serves the ordinary build.
  output: process.env.NEXT_STANDALONE === '1' ? 'standalone' : undefined,
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  // The explorer's default view is served from the route that keeps it rendered (lib/explorer/default-view.ts).
  async rewrites() {
    return { beforeFiles: [defaultViewRewrite], afterFiles: [], fallback: [] };
  },
  // Native/wasm-backed packages must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'mysql2', 'mqtt', 'pino'],
};

export default nextConfig;

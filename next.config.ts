import type { NextConfig } from 'next';

const dev = process.env.NODE_ENV !== 'production';

// Monaco runs its language services in workers created from blob: URLs and injects styles.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Separate build folders let several builds (e.g. parallel e2e runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole repository once (tsc --noEmit) before building.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg'],
  turbopack: {
    resolveAlias: {
      // monaco-yaml's worker (via monaco-worker-manager) imports a path that monaco-editor >= 0.55
      // no longer exports; point it at the same file under the new export map.
      'monaco-editor/esm/vs/editor/editor.worker.js': './node_modules/monaco-editor/esm/vs/editor/editor.worker.js',
    },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;

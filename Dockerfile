# syntax=docker/dockerfile:1
# songcast images. Two targets from one build:
#   jobs  the jobs CLI (migrate, update, predict, publish, train, audit, weekly …):
#         docker build --target jobs -t songcast-jobs .   →   docker run --rm songcast-jobs weekly
#   web   (default) the Next.js standalone server on port 3000, plus the jobs runtime so that a run the
#         admin console queues can start in a separate process inside the same container.
# Debian (glibc) rather than Alpine: the lockfile's native builds (Next, esbuild, lightningcss) are the
# linux-x64-gnu ones, so npm installs nothing new and nothing is compiled.

ARG NODE_VERSION=20
FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# All dependencies, for the build. `npm install`, not `npm ci`: the lockfile is made on one platform and
# may lack another platform's optional native builds, which `npm ci` refuses to add. Never --omit=optional.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm install --loglevel=error

# `next build` with output: 'standalone' (next.config.ts). It touches no database: pages that read
# MySQL render on request.
FROM deps AS build
COPY . .
RUN mkdir -p public && NEXT_STANDALONE=1 npm run build

# Production dependencies only. The SWC compiler packages serve `next build`/`next dev` alone (~100 MB).
FROM deps AS prod-deps
RUN npm prune --omit=dev --loglevel=error && rm -rf node_modules/@next/swc-*

# Runtime of the jobs: TypeScript sources run through tsx (a runtime dependency), migrations in drizzle/.
# Exit codes: 0 done, 1 failed, 2 bad arguments, 3 another run of the job holds its lock.
FROM base AS jobs
ENV NODE_ENV=production
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY lib ./lib
COPY jobs ./jobs
COPY drizzle ./drizzle
# tsx keeps its transform cache in the temp directory; runs the admin console starts log to .tmp/jobs/.
# The user `node` (uid 1000) ships with the image.
RUN mkdir -p .tmp && chown node:node .tmp
USER node
ENTRYPOINT ["node", "--conditions=react-server", "--import", "tsx", "jobs/cli.ts"]
CMD ["--help"]

# The web server: Next's standalone server.js and its .next output over the same production
# node_modules (the standalone trace is a subset of them, so its own copy is not needed).
FROM jobs AS web
ENV PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build /app/.next/standalone/server.js ./server.js
COPY --from=build --chown=node:node /app/.next/standalone/.next ./.next
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build /app/public ./public
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT []
# A 64 MB young generation, as `npm start` gives `next start`: with the default 16 MB, song pages cost
# 10-15% more CPU (docs/scaling.md).
CMD ["node", "--max-semi-space-size=64", "server.js"]

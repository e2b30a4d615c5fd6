# Multi-stage: build with dev dependencies, run with production ones only, as a non-root user.
# One image for every Coil service (docker-compose.yml tags it coil:local).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run prisma:generate && npm run build

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The admin CLI on PATH, built with the apps: `docker compose exec api coil workspace create --name Acme`.
RUN printf '#!/bin/sh\nexec node -r /app/scripts/dist-paths.js /app/dist/apps/cli/src/main.js "$@"\n' > /usr/local/bin/coil && chmod 755 /usr/local/bin/coil
USER node
CMD ["node", "-r", "./scripts/dist-paths.js", "dist/scripts/start.js"]

# syntax=docker/dockerfile:1
# The web image (SvelteKit, adapter-node): `docker build -f infra/docker/web.Dockerfile .`
FROM node:20.20-bookworm-slim AS build
WORKDIR /repo
RUN npm install -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm turbo run build --filter=@sailcourt/web \
 && pnpm --filter @sailcourt/web deploy --prod --legacy /out \
 && cp -r apps/web/build /out/build \
 && cp apps/web/server.js /out/server.js

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /out /app
USER node
EXPOSE 3000
# server.js is adapter-node's server with the anonymous page cache answered in front of SvelteKit.
CMD ["node", "server.js"]

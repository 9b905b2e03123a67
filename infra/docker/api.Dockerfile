# syntax=docker/dockerfile:1
# The API image: built from the repository root (`docker build -f infra/docker/api.Dockerfile .`).
FROM node:20.20-bookworm-slim AS build
WORKDIR /repo
RUN npm install -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm turbo run build --filter=@sailcourt/api \
 && pnpm --filter @sailcourt/api deploy --prod --legacy /out \
 && cp -r apps/api/dist /out/dist

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production API_PORT=3001 METRICS_PORT=9464
WORKDIR /app
COPY --from=build /out /app
USER node
# 3001: the API (opens once the replica is ready); 9464: metrics and liveness, internal only.
EXPOSE 3001 9464
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:'+process.env.METRICS_PORT+'/api/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]

# Image for the worker and the PolarDB emulator (docker-compose.yml picks the command).
FROM node:20.19.5-bookworm-slim

WORKDIR /app

# Dependencies first, so editing the source does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci

# Only what the worker and emulator run; tests, scripts and local state stay out of the image.
COPY tsconfig.json ./
COPY src ./src
COPY emulator ./emulator

# The app runs unprivileged; .local/ is the one folder it may write (run state, as in a checkout).
RUN mkdir .local && chown node:node .local
USER node
CMD ["npm", "run", "worker"]

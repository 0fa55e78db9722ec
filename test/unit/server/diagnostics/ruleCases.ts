// For every rule: Dockerfiles it must flag (on the given 1-based line) and Dockerfiles it must leave
// alone. Cases are short on purpose: the long, realistic files live in test/fixtures/.
export interface FiringCase {
  text: string;
  /** 1-based line of the (first) diagnostic. */
  line: number;
  /** The finding has a quick fix that removes it (checked by applying it and validating again). */
  fix?: boolean;
  /** Expected severity when it differs from the rule's default. */
  severity?: 'error' | 'warning' | 'information';
}

export interface RuleCases { fires: FiringCase[]; silent: string[] }

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

export const RULE_CASES: Record<string, RuleCases> = {
  'exec-form-missing-space': {
    fires: [
      { text: lines('FROM alpine:3.20', 'ENTRYPOINT["/src/hello"]'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'CMD["echo", "hi"]'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'RUN["apk", "add", "--no-cache", "curl"]'), line: 2, fix: true },
    ],
    silent: [lines('FROM alpine:3.20', 'ENTRYPOINT ["/src/hello"]'), lines('FROM alpine:3.20', 'COPPY a b')],
  },
  'typographic-quotes': {
    fires: [
      { text: lines('FROM alpine:3.20', 'ENTRYPOINT [“/src/hello”]'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'CMD [‘npm’, ‘start’]'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'CMD ["npm"，"start"]'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'COPY --chown=1000 [“a.txt”, “/srv/”]'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'HEALTHCHECK CMD [“curl”, “-f”, “http://localhost/”]'), line: 2, fix: true },
    ],
    silent: [
      lines('FROM alpine:3.20', 'CMD ["echo", "it’s fine inside a string"]'),
      lines('FROM alpine:3.20', 'RUN echo “shell form is not JSON”'),
    ],
  },
  'json-single-quotes': {
    fires: [
      { text: lines('FROM alpine:3.20', "CMD ['npm', 'start']"), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', "ENTRYPOINT ['/docker-entrypoint.sh']"), line: 2, fix: true },
    ],
    silent: [lines('FROM alpine:3.20', 'CMD ["npm", "start"]'), lines('FROM alpine:3.20', "RUN echo 'hello'")],
  },
  'json-array-not-strings': {
    fires: [
      { text: lines('FROM alpine:3.20', 'CMD [["echo", "hi"]]'), line: 2 },
      { text: lines('FROM alpine:3.20', 'ENTRYPOINT ["sleep", 10]'), line: 2 },
      { text: lines('FROM alpine:3.20', 'ONBUILD RUN ["echo", true]'), line: 2 },
    ],
    silent: [lines('FROM alpine:3.20', 'CMD ["sleep", "10"]'), lines('FROM alpine:3.20', 'CMD ["a",]')],
  },
  'exec-form-recommended': {
    fires: [
      { text: lines('FROM node:20-alpine', 'CMD node server.js'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'ENTRYPOINT /usr/local/bin/start --port 80'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'CMD echo "$HOME" && sleep 1'), line: 2 },
    ],
    silent: [
      lines('FROM node:20-alpine', 'CMD ["node", "server.js"]'),
      lines('FROM alpine:3.20', 'HEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1'),
      lines('# check=skip=JSONArgsRecommended', 'FROM alpine:3.20', 'CMD node server.js'),
    ],
  },
  'multiple-instructions': {
    fires: [
      { text: lines('FROM alpine:3.20', 'CMD ["a"]', 'CMD ["b"]'), line: 2 },
      { text: lines('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'RUN true', 'ENTRYPOINT ["b"]'), line: 2 },
      { text: lines('FROM alpine:3.20', 'HEALTHCHECK CMD true', 'HEALTHCHECK NONE'), line: 2 },
    ],
    silent: [lines('FROM alpine:3.20 AS a', 'CMD ["a"]', 'FROM alpine:3.20', 'CMD ["b"]')],
  },
  'chain-run': {
    fires: [
      { text: lines('FROM alpine:3.20', 'RUN apk add --no-cache curl', 'RUN curl --version'), line: 3, fix: true },
      { text: lines('FROM alpine:3.20', 'RUN mkdir /a', '# and then', 'RUN touch /a/b'), line: 4, fix: true },
    ],
    silent: [
      lines('FROM alpine:3.20', 'RUN apk add --no-cache curl', 'WORKDIR /x', 'RUN curl --version'),
      lines('FROM alpine:3.20', 'RUN --mount=type=cache,target=/root/.cache make', 'RUN make install'),
      lines('FROM alpine:3.20', 'RUN ["echo", "a"]', 'RUN ["echo", "b"]'),
    ],
  },
  'apt-get-update-alone': {
    fires: [{ text: lines('FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl'), line: 2 }],
    silent: [lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*')],
  },
  'apt-get-install-yes': {
    fires: [
      { text: lines('FROM debian:12', 'RUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'), line: 2, fix: true },
      { text: lines('FROM ubuntu:24.04', 'RUN apt update && apt install --no-install-recommends git && rm -rf /var/lib/apt/lists/*'), line: 2, fix: true },
    ],
    silent: [
      lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
      lines('FROM debian:12', 'RUN apt-get update && apt-get -qq install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
      lines('FROM debian:12', 'RUN apt-get update && yes | apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
      lines('FROM debian:12', 'RUN apt-get update && apt-get install -yq --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
    ],
  },
  'apt-get-no-install-recommends': {
    fires: [{ text: lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'), line: 2, fix: true, severity: 'information' }],
    silent: [
      lines('FROM debian:12', 'RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl && rm -rf /var/lib/apt/lists/*'),
      lines('FROM debian:12 AS build', 'RUN apt-get update && apt-get install -y gcc', 'FROM debian:12', 'COPY --from=build /usr/bin/gcc /x'),
    ],
  },
  'apt-get-clean-lists': {
    fires: [
      { text: lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl'), line: 2, fix: true, severity: 'information' },
      { text: lines('FROM debian:12', 'RUN <<EOF', 'apt-get update', 'apt-get install -y --no-install-recommends curl', 'EOF'), line: 4, fix: true, severity: 'information' },
    ],
    silent: [
      lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
      lines('FROM debian:12', 'RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends curl'),
    ],
  },
  'apk-no-cache': {
    fires: [{ text: lines('FROM alpine:3.20', 'RUN apk add curl'), line: 2, fix: true, severity: 'information' }],
    silent: [
      lines('FROM alpine:3.20', 'RUN apk add --no-cache curl'),
      lines('FROM alpine:3.20', 'RUN apk update && apk add curl && rm -rf /var/cache/apk/*'),
    ],
  },
  'pip-no-cache-dir': {
    fires: [
      { text: lines('FROM python:3.12-slim', 'RUN pip install flask'), line: 2, fix: true, severity: 'information' },
      { text: lines('FROM python:3.12-slim', 'RUN python3 -m pip install -r requirements.txt'), line: 2, fix: true, severity: 'information' },
    ],
    silent: [
      lines('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask'),
      lines('FROM python:3.12-slim', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask'),
      lines('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/pip pip install flask'),
    ],
  },
  'sudo-in-run': {
    fires: [{ text: lines('FROM ubuntu:24.04', 'RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends vim && rm -rf /var/lib/apt/lists/*'), line: 2 }],
    silent: [lines('FROM ubuntu:24.04', 'RUN echo sudo is just a word here')],
  },
  pipefail: {
    fires: [{ text: lines('FROM debian:12', 'RUN wget -qO- https://example.com/x.tgz | tar -xz'), line: 2, severity: 'information' }],
    silent: [
      lines('FROM debian:12', 'RUN test -f /x || echo missing'),
      lines('FROM debian:12', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN wget -qO- https://example.com/x.tgz | tar -xz'),
      lines('FROM alpine:3.20', 'RUN set -euo pipefail; wget -qO- https://example.com/x.tgz | tar -xz'),
      lines('FROM alpine:3.20', "RUN echo 'a|b' > /x"),
    ],
  },
  'cd-in-run': {
    fires: [
      { text: lines('FROM alpine:3.20', 'RUN cd /tmp'), line: 2, severity: 'warning' },
      { text: lines('FROM alpine:3.20', 'RUN cd /src && make'), line: 2, severity: 'information' },
    ],
    silent: [lines('FROM alpine:3.20', 'RUN (cd /src && make)'), lines('FROM alpine:3.20', 'WORKDIR /src', 'RUN make')],
  },
  'workdir-relative': {
    fires: [{ text: lines('FROM alpine:3.20', 'WORKDIR app'), line: 2, fix: true }],
    silent: [
      lines('FROM alpine:3.20', 'WORKDIR /app'),
      lines('FROM alpine:3.20', 'WORKDIR /srv', 'WORKDIR app'),
      lines('FROM alpine:3.20', 'ENV APP=/app', 'WORKDIR $APP'),
      lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'WORKDIR C:\\app'),
      lines('FROM alpine:3.20 AS base', 'WORKDIR /srv', 'FROM base', 'WORKDIR app'),
    ],
  },
  'copy-relative-destination': {
    fires: [
      { text: lines('FROM node:20-alpine', 'COPY . .'), line: 2 },
      { text: lines('FROM node:20-alpine', 'COPY package.json ./', 'WORKDIR /app'), line: 2 },
    ],
    silent: [
      lines('FROM node:20-alpine', 'WORKDIR /app', 'COPY . .'),
      lines('FROM node:20-alpine', 'COPY . /app/'),
      lines('FROM scratch', 'COPY app .'),
      lines('FROM node:20-alpine AS base', 'WORKDIR /app', 'FROM base', 'COPY . .'),
    ],
  },
  'add-instead-of-copy': {
    fires: [
      { text: lines('FROM alpine:3.20', 'ADD app.py /srv/app.py'), line: 2, fix: true },
      { text: lines('from alpine:3.20', 'add config/ /etc/app/'), line: 2, fix: true },
    ],
    silent: [
      lines('FROM alpine:3.20', 'ADD https://example.com/tool /usr/local/bin/tool'),
      lines('FROM alpine:3.20', 'ADD rootfs.tar.gz /'),
      lines('FROM alpine:3.20', 'ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.com/x /x'),
    ],
  },
  'base-image-tag': {
    fires: [
      { text: lines('FROM ubuntu', 'CMD ["bash"]'), line: 1 },
      { text: lines('FROM nginx:latest'), line: 1 },
      { text: lines('ARG BASE=node', 'FROM $BASE'), line: 2 },
      { text: lines('FROM registry.example.com:5000/team/app', 'CMD ["run"]'), line: 1 },
    ],
    silent: [
      lines('FROM ubuntu:24.04'),
      lines('FROM scratch'),
      lines('FROM alpine:3.20 AS base', 'FROM base'),
      lines('FROM alpine@sha256:77726ef6b57ddf65bb551896826ec38bc3e53f75cdde31354fbffb4f25238ebd'),
      lines('ARG TAG', 'FROM alpine:$TAG'),
    ],
  },
  'copy-from-unknown-stage': {
    fires: [
      { text: lines('FROM golang:1.22 AS builder', 'RUN go build -o /app', 'FROM alpine:3.20', 'COPY --from=bulder /app /app'), line: 4, fix: true },
      { text: lines('FROM alpine:3.20', 'COPY --from=toolbox /bin/tool /bin/tool'), line: 2 },
      { text: lines('FROM alpine:3.20', 'COPY --from=later /x /x', 'FROM alpine:3.20 AS later'), line: 2 },
      { text: lines('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'COPY --from=3 /x /x'), line: 3, severity: 'error' },
    ],
    silent: [
      lines('FROM alpine:3.20 AS builder', 'FROM alpine:3.20', 'COPY --from=Builder /x /x'),
      lines('FROM alpine:3.20', 'COPY --from=nginx:1.27 /etc/nginx /etc/nginx'),
      lines('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'COPY --from=0 /x /x'),
    ],
  },
  'copy-from-own-stage': {
    fires: [
      { text: lines('FROM alpine:3.20 AS app', 'COPY --from=app /a /b'), line: 2 },
      { text: lines('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'COPY --from=1 /a /b'), line: 3 },
    ],
    silent: [lines('FROM alpine:3.20 AS a', 'FROM alpine:3.20 AS b', 'COPY --from=a /x /x')],
  },
  'duplicate-stage-name': {
    fires: [{ text: lines('FROM alpine:3.20 AS build', 'FROM alpine:3.20 AS Build'), line: 2 }],
    silent: [lines('FROM alpine:3.20 AS build', 'FROM alpine:3.20 AS test')],
  },
  'reserved-stage-name': {
    fires: [
      { text: lines('FROM alpine:3.20 AS scratch'), line: 1 },
      { text: lines('FROM alpine:3.20 AS context'), line: 1 },
    ],
    silent: [lines('FROM alpine:3.20 AS base')],
  },
  'from-as-casing': {
    fires: [
      { text: lines('FROM alpine:3.20 as build'), line: 1, fix: true },
      { text: lines('from alpine:3.20 AS build', 'run true'), line: 1, fix: true },
    ],
    silent: [lines('FROM alpine:3.20 AS build'), lines('from alpine:3.20 as build')],
  },
  'stage-name-casing': {
    fires: [{ text: lines('FROM golang:1.22 AS Builder', 'FROM alpine:3.20', 'COPY --from=Builder /x /x', 'FROM Builder AS test'), line: 1, fix: true }],
    silent: [lines('FROM golang:1.22 AS builder')],
  },
  'undefined-variable': {
    fires: [
      { text: lines('FROM alpine:3.20', 'ENV APP_HOME=/srv/app', 'WORKDIR $APP_HOEM'), line: 3, fix: true },
      { text: lines('FROM scratch', 'COPY app /opt/$VERSION/app'), line: 2 },
      { text: lines('FROM alpine:3.20', 'COPY app.jar /opt/$JAR_DIR/'), line: 2, severity: 'information' },
      { text: lines('FROM alpine:3.20', 'ENV A=1 B=$A'), line: 2, severity: 'information' },
    ],
    silent: [
      lines('FROM alpine:3.20', 'ARG VERSION=1', 'COPY app /opt/$VERSION/app'),
      lines('FROM alpine:3.20', 'ENV PATH=/opt/bin:$PATH'),
      lines('FROM alpine:3.20', 'COPY app /opt/${VERSION:-1.0}/app'),
      lines('FROM alpine:3.20', 'RUN echo $UNDEFINED_IN_SHELL'),
      lines('FROM alpine:3.20', "LABEL note='$literal'"),
      lines('FROM alpine:3.20 AS base', 'ENV ROOT=/r', 'FROM base', 'WORKDIR $ROOT'),
    ],
  },
  'global-arg-not-in-stage': {
    fires: [
      { text: lines('ARG VERSION=1.2', 'FROM alpine:3.20', 'RUN echo $VERSION'), line: 3, fix: true },
      { text: lines('ARG APP_DIR=/srv', 'FROM alpine:3.20', 'WORKDIR ${APP_DIR}'), line: 3, fix: true },
    ],
    silent: [lines('ARG VERSION=1.2', 'FROM alpine:3.20', 'ARG VERSION', 'RUN echo $VERSION'), lines('ARG TAG=3.20', 'FROM alpine:$TAG')],
  },
  'undeclared-arg-in-from': {
    fires: [
      { text: lines('FROM node:$NODE_VERSION-alpine', 'CMD ["node"]'), line: 1, fix: true },
      { text: lines('ARG NODE_VERSION=20', 'FROM node:${NODE_VERSOIN}-alpine'), line: 2 },
    ],
    silent: [lines('ARG NODE_VERSION=20', 'FROM node:${NODE_VERSION}-alpine'), lines('FROM --platform=$BUILDPLATFORM alpine:3.20')],
  },
  'from-arg-default-empty': {
    fires: [
      { text: lines('ARG TAG', 'FROM alpine:$TAG'), line: 2 },
      { text: lines('ARG IMAGE', 'FROM $IMAGE'), line: 2 },
    ],
    silent: [lines('ARG TAG=3.20', 'FROM alpine:$TAG'), lines('ARG TAG', 'FROM alpine:${TAG:-3.20}')],
  },
  'secrets-in-arg-env': {
    fires: [
      { text: lines('FROM alpine:3.20', 'ARG NPM_TOKEN'), line: 2 },
      { text: lines('FROM alpine:3.20', 'ENV DB_PASSWORD=changeme'), line: 2 },
      { text: lines('FROM alpine:3.20', 'ENV stripeApiKey=sk_test'), line: 2 },
      { text: lines('FROM alpine:3.20', 'ARG AWS_SECRET_ACCESS_KEY'), line: 2 },
    ],
    silent: [
      lines('FROM alpine:3.20', 'ENV POSTGRES_PASSWORD_FILE=/run/secrets/db'),
      lines('FROM alpine:3.20', 'ENV GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D'),
      lines('FROM alpine:3.20', 'ENV TOKENIZERS_PARALLELISM=false'),
      lines('FROM alpine:3.20', 'ENV PUBLIC_KEY_URL=https://example.com/key.pub'),
    ],
  },
  'env-legacy-format': {
    fires: [
      { text: lines('FROM alpine:3.20', 'ENV APP_HOME /srv/app'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'ENV GREETING hello world'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'LABEL version 1.0'), line: 2, fix: true },
    ],
    silent: [lines('FROM alpine:3.20', 'ENV APP_HOME=/srv/app'), lines('FROM alpine:3.20', 'ENV A=1 B="two words"')],
  },
  'maintainer-deprecated': {
    fires: [
      { text: lines('FROM alpine:3.20', 'MAINTAINER Jane Doe <jane@example.com>'), line: 2, fix: true },
      { text: lines('FROM alpine:3.20', 'MAINTAINER "Team \\"Ops\\""'), line: 2, fix: true },
    ],
    silent: [lines('FROM alpine:3.20', 'LABEL org.opencontainers.image.authors="Jane Doe"')],
  },
  'instruction-casing': {
    fires: [
      { text: lines('FROM alpine:3.20', 'run echo hi', 'CMD ["sh"]'), line: 2, fix: true },
      { text: lines('from alpine:3.20', 'run echo hi', 'Cmd ["sh"]'), line: 3, fix: true },
      { text: lines('FROM alpine:3.20', 'ONBUILD run echo hi'), line: 2, fix: true },
    ],
    silent: [lines('FROM alpine:3.20', 'RUN echo hi'), lines('from alpine:3.20', 'run echo hi')],
  },
  'empty-continuation-line': {
    fires: [
      { text: lines('FROM alpine:3.20', 'RUN echo a \\', '', '    && echo b'), line: 3, fix: true },
      { text: lines('# escape=`', 'FROM alpine:3.20', 'RUN echo a `', '   ', '    && echo b'), line: 4, fix: true },
    ],
    silent: [
      lines('FROM alpine:3.20', 'RUN <<EOF', 'echo a', '', 'echo b', 'EOF'),
      lines('FROM alpine:3.20', 'RUN echo a \\', '    # a comment line is fine', '    && echo b'),
    ],
  },
  'expose-host-mapping': {
    fires: [
      { text: lines('FROM nginx:1.27', 'EXPOSE 8080:80'), line: 2, fix: true },
      { text: lines('FROM nginx:1.27', 'EXPOSE 127.0.0.1:8080:80/tcp'), line: 2, fix: true },
    ],
    silent: [lines('FROM nginx:1.27', 'EXPOSE 80 443/tcp')],
  },
  'expose-invalid-port': {
    fires: [
      { text: lines('FROM nginx:1.27', 'EXPOSE http'), line: 2 },
      { text: lines('FROM nginx:1.27', 'EXPOSE 70000'), line: 2 },
      { text: lines('FROM nginx:1.27', 'EXPOSE 9000-8000'), line: 2 },
    ],
    silent: [lines('FROM nginx:1.27', 'EXPOSE 80 8000-8010/udp'), lines('FROM nginx:1.27', 'ARG PORT=80', 'EXPOSE $PORT')],
  },
  'expose-invalid-protocol': {
    fires: [{ text: lines('FROM nginx:1.27', 'EXPOSE 80/http'), line: 2 }],
    silent: [lines('FROM nginx:1.27', 'EXPOSE 80/tcp 53/udp 9/sctp')],
  },
  'expose-protocol-casing': {
    fires: [{ text: lines('FROM nginx:1.27', 'EXPOSE 80/TCP'), line: 2, fix: true }],
    silent: [lines('FROM nginx:1.27', 'EXPOSE 80/tcp')],
  },
  'last-user-root': {
    fires: [
      { text: lines('FROM alpine:3.20', 'USER app', 'USER root'), line: 3, severity: 'information' },
      { text: lines('FROM alpine:3.20 AS base', 'USER 0:0', 'FROM base', 'CMD ["id"]'), line: 2, severity: 'information' },
    ],
    silent: [lines('FROM alpine:3.20', 'USER root', 'RUN true', 'USER app'), lines('FROM alpine:3.20 AS build', 'USER root', 'FROM alpine:3.20')],
  },
  // copy-ignored-file needs a .dockerignore: see dockerignore.test.ts.
};

// A large Dockerfile like the benchmark's, plus stages, global ARGs, comments and problems: shared by the
// performance tests that compare a fast path with the reference on big inputs.
/** Like the benchmark's file, plus stages, global ARGs, comments and problems. */
export function bigDockerfile(blocks: number): string {
  const out = ['# escape=\\', 'ARG BASE=alpine:3.20', 'ARG VERSION', 'FROM ${BASE} AS build', 'ARG VERSION', 'ENV APP_HOME=/app'];
  for (let i = 0; i < blocks; i++) {
    if (i % 97 === 50) { out.push(`FROM \${BASE} AS s${i}`, 'ARG VERSION=2', `ENV E${i}=x`); }
    out.push(`RUN echo "step ${i} of \${VERSION}" \\`, `    && mkdir -p \${APP_HOME}/d${i} \\`, '# a comment inside the continuation', `    && echo $E${i} > \${APP_HOME}/d${i}/v`,
      `COPY file${i}.txt \${APP_HOME}/d${i}/`, `ENV E${i + 1}=\${E${i}}-${i}`);
    if (i % 13 === 0) { out.push(`EXPOSE \${PORT${i % 3}}`, `ARG PORT${i % 3}=80${i % 10}`, `EXPOSE \${PORT${i % 3}} 99999`, '# dockerfile-utils: ignore', 'WORKDIR ${X:?}'); }
    if (i % 17 === 0) { out.push(`STOPSIGNAL \${SIG${i % 2}}`, `ENV SIG${i % 2}=SIGKILL`, 'HEALTHCHECK --interval=${I} CMD true', `COPY a b c`, 'FROM'); }
  }
  return `${out.join('\n')}\n`;
}

# SYNTAX TEST "source.dockerfile.learning" "shell form: embedded source.shell, across line continuations, never leaking"
RUN apt-get update && apt-get install -y curl
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
#                  ^^ meta.embedded.shell.dockerfile punctuation.separator.statement.and.shell
#   ^^^^^^^ meta.embedded.shell.dockerfile meta.statement.command.shell entity.name.function.call.shell
CMD echo "Hello, world"
#   ^^^^^^^^^^^^^^^^^^^ meta.instruction.cmd.dockerfile meta.embedded.shell.dockerfile
#        ^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile string.quoted.double.shell
ENTRYPOINT exec python app.py
#          ^^^^^^^^^^^^^^^^^^ meta.instruction.entrypoint.dockerfile meta.embedded.shell.dockerfile
RUN set -eux; \
#   ^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
#           ^ meta.embedded.shell.dockerfile punctuation.terminator.statement.semicolon.shell
#             ^ meta.embedded.shell.dockerfile constant.character.escape.line-continuation.dockerfile
    apt-get update; \
# <--------------------- meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
#                   ^ constant.character.escape.line-continuation.dockerfile
    apt-get install -y --no-install-recommends ca-certificates; \
#                      ^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile - variable.parameter.flag.dockerfile
    rm -rf /var/lib/apt/lists/*
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
WORKDIR /app
# <------- keyword.other.special-method.dockerfile - meta.embedded.shell.dockerfile
# An unbalanced quote stays inside its own line:
RUN echo "it's \
#        ^^^^^ meta.embedded.shell.dockerfile string.quoted.double.shell
#              ^ meta.embedded.shell.dockerfile constant.character.escape.line-continuation.dockerfile - string.quoted.double.shell
    fine
#   ^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile - string.quoted.double.shell
FROM alpine
# <---- meta.instruction.from.dockerfile keyword.other.special-method.dockerfile - meta.embedded.shell.dockerfile
RUN echo "unterminated
#        ^^^^^^^^^^^^^ meta.embedded.shell.dockerfile string.quoted.double.shell
USER app
# <---- keyword.other.special-method.dockerfile - meta.embedded.shell.dockerfile string.quoted.double.shell
RUN echo $(date \
    +%s) > /build-time
#   ^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile
EXPOSE 80
#      ^^ constant.numeric.port.dockerfile - meta.embedded.shell.dockerfile

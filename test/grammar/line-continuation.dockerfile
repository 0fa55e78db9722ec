# SYNTAX TEST "source.dockerfile.learning" "line continuations in every kind of instruction"
FROM --platform=linux/amd64 \
#                           ^ meta.instruction.from.dockerfile constant.character.escape.line-continuation.dockerfile
     alpine:3.19 \
#    ^^^^^^ meta.instruction.from.dockerfile entity.name.type.image.dockerfile
     AS base
#    ^^ meta.instruction.from.dockerfile keyword.other.as.dockerfile
#       ^^^^ entity.name.type.stage.dockerfile
COPY --chown=app:app \
     src/ /app/src/
#    ^^^^^^^^^^^^^^ meta.instruction.copy.dockerfile
EXPOSE 80 \
       443
#      ^^^ meta.instruction.expose.dockerfile constant.numeric.port.dockerfile
RUN echo "spaces after the backslash still continue" \   
#                                                    ^ constant.character.escape.line-continuation.dockerfile
    && echo ok
#   ^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
RUN echo a \

    && echo "Docker skips the blank line above"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
ENV A=1 \

    B=2
#   ^ meta.instruction.env.dockerfile variable.other.key.dockerfile
RUN \
#   ^ meta.instruction.run.dockerfile constant.character.escape.line-continuation.dockerfile - meta.embedded.shell.dockerfile
    echo "the command starts on the next line"
#   ^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
CMD ["a", \
#         ^ constant.character.escape.line-continuation.dockerfile
    "b"]
#   ^^^ meta.instruction.cmd.dockerfile string.quoted.double.dockerfile
ENV GREETING="Hello \
#                   ^ string.quoted.double.dockerfile constant.character.escape.line-continuation.dockerfile
world"
# <----- meta.instruction.env.dockerfile string.quoted.double.dockerfile
#    ^ punctuation.definition.string.end.dockerfile
LABEL a=b \
      c=d
#     ^ meta.instruction.label.dockerfile variable.other.key.dockerfile
WORKDIR /app
# <------- keyword.other.special-method.dockerfile - meta.instruction.label.dockerfile
RUN echo not continued \ here
#                      ^^ meta.embedded.shell.dockerfile - constant.character.escape.line-continuation.dockerfile
USER app
# <---- keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile

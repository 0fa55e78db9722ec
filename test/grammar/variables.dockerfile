# SYNTAX TEST "source.dockerfile.learning" "variable substitution: $VAR, ${VAR}, ${VAR:-default}, ${VAR:+alt}"
ENV APP_VERSION=$VERSION
#               ^^^^^^^^ meta.instruction.env.dockerfile variable.other.dockerfile
#               ^ variable.other.dockerfile punctuation.definition.variable.dockerfile
WORKDIR /opt/${APP_NAME}/bin
#            ^^^^^^^^^^^ meta.instruction.workdir.dockerfile variable.other.dockerfile
#            ^^ punctuation.definition.variable.begin.dockerfile
#                      ^ punctuation.definition.variable.end.dockerfile
ENV LOG_LEVEL=${LOG_LEVEL:-info}
#                        ^^ variable.other.dockerfile keyword.operator.expansion.dockerfile
#                          ^^^^ variable.other.dockerfile string.unquoted.default-value.dockerfile
ENV EXTRA=${DEBUG:+--verbose}
#                ^^ keyword.operator.expansion.dockerfile
#                  ^^^^^^^^^ variable.other.dockerfile string.unquoted.alternate-value.dockerfile - variable.parameter.flag.dockerfile
ENV A=${X-fallback} B=${Y?must be set}
#        ^ keyword.operator.expansion.dockerfile
#         ^^^^^^^^ string.unquoted.default-value.dockerfile
#                        ^ keyword.operator.expansion.dockerfile
#                         ^^^^^^^^^^^ string.unquoted.error-message.dockerfile
ENV NESTED=${A:-${B:-c}}
#               ^^^^^^^ string.unquoted.default-value.dockerfile variable.other.dockerfile
#                     ^^ variable.other.dockerfile punctuation.definition.variable.end.dockerfile
ENV PRICE=\$5
#         ^^ constant.character.escape.dockerfile - variable.other.dockerfile
ENV GREETING="Hello, ${NAME}!"
#                    ^^^^^^^ string.quoted.double.dockerfile variable.other.dockerfile
ENV LITERAL='${NOT_EXPANDED}'
#            ^^^^^^^^^^^^^^^ string.quoted.single.dockerfile - variable.other.dockerfile
COPY $SRC ${DEST}/
#    ^^^^ meta.instruction.copy.dockerfile variable.other.dockerfile
#         ^^^^^^^ meta.instruction.copy.dockerfile variable.other.dockerfile
USER ${UID}:${GID}
#    ^^^^^^ meta.instruction.user.dockerfile variable.other.dockerfile
#          ^ punctuation.separator.user-group.dockerfile
#           ^^^^^^ variable.other.dockerfile
EXPOSE ${PORT}
#      ^^^^^^^ meta.instruction.expose.dockerfile variable.other.dockerfile
STOPSIGNAL $STOP_SIGNAL
#          ^^^^^^^^^^^^ meta.instruction.stopsignal.dockerfile variable.other.dockerfile
LABEL version=$VERSION
#             ^^^^^^^^ meta.instruction.label.dockerfile variable.other.dockerfile
VOLUME $DATA_DIR
#      ^^^^^^^^^ meta.instruction.volume.dockerfile variable.other.dockerfile
FROM $BASE
#    ^^^^^ meta.image-reference.dockerfile variable.other.dockerfile
ADD https://example.com/${FILE} /tmp/
#                       ^^^^^^^ meta.instruction.add.dockerfile variable.other.dockerfile
RUN echo $HOME
#        ^^^^^ meta.embedded.shell.dockerfile - variable.other.dockerfile

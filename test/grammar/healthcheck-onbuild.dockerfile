# SYNTAX TEST "source.dockerfile.learning" "HEALTHCHECK and ONBUILD wrap another command or instruction"
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -f "http://localhost/" || exit 1
#           ^^^^^^^^^^ meta.instruction.healthcheck.dockerfile variable.parameter.flag.dockerfile
#                      ^^^ string.unquoted.flag-value.dockerfile
#                                       ^^^^^^^^^ variable.parameter.flag.dockerfile
#                                                   ^^^ meta.instruction.healthcheck.dockerfile keyword.other.special-method.dockerfile
#                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.healthcheck.dockerfile meta.embedded.shell.dockerfile
#                                                               ^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile string.quoted.double.shell
HEALTHCHECK CMD ["pg_isready", "-U", "postgres"]
#           ^^^ keyword.other.special-method.dockerfile
#                ^^^^^^^^^^^^ meta.instruction.healthcheck.dockerfile meta.structure.array.json.dockerfile string.quoted.double.dockerfile
HEALTHCHECK --start-period=10s \
    CMD wget -q -O- http://localhost:8080/health \
#   ^^^ keyword.other.special-method.dockerfile
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile
        || exit 1
#       ^^^^^^^^^ meta.instruction.healthcheck.dockerfile meta.embedded.shell.dockerfile
HEALTHCHECK NONE
#           ^^^^ meta.instruction.healthcheck.dockerfile constant.language.none.dockerfile
ONBUILD RUN npm install
# <------- meta.instruction.onbuild.dockerfile keyword.other.special-method.dockerfile
#       ^^^ meta.instruction.onbuild.dockerfile meta.instruction.run.dockerfile keyword.other.special-method.dockerfile
#           ^^^^^^^^^^^ meta.instruction.onbuild.dockerfile meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
ONBUILD COPY --chown=node:node . /app
#       ^^^^ meta.instruction.copy.dockerfile keyword.other.special-method.dockerfile
#            ^^^^^^^ meta.instruction.onbuild.dockerfile variable.parameter.flag.dockerfile
ONBUILD ENV READY=1
#           ^^^^^ meta.instruction.onbuild.dockerfile meta.instruction.env.dockerfile variable.other.key.dockerfile
ONBUILD RUN <<EOF
#           ^^^^^ meta.instruction.onbuild.dockerfile keyword.control.heredoc-token.dockerfile
echo "heredoc inside ONBUILD RUN"
# <---- meta.instruction.onbuild.dockerfile meta.embedded.block.heredoc.dockerfile
EOF
# <--- meta.instruction.onbuild.dockerfile keyword.control.heredoc-token.dockerfile
ONBUILD FROM alpine
#       ^^^^ meta.instruction.onbuild.dockerfile - keyword.other.special-method.dockerfile
CMD ["node", "server.js"]
# <--- keyword.other.special-method.dockerfile - meta.instruction.onbuild.dockerfile

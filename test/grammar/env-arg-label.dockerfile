# SYNTAX TEST "source.dockerfile.learning" "ENV, ARG and LABEL key=value pairs"
ENV NODE_ENV=production
#   ^^^^^^^^ meta.instruction.env.dockerfile variable.other.key.dockerfile
#           ^ keyword.operator.assignment.dockerfile
#            ^^^^^^^^^^ string.unquoted.value.dockerfile
ENV A=1 B="two words" C='single quoted'
#   ^ variable.other.key.dockerfile
#     ^ string.unquoted.value.dockerfile
#       ^ variable.other.key.dockerfile
#         ^^^^^^^^^^^ string.quoted.double.dockerfile
#         ^ punctuation.definition.string.begin.dockerfile
#                   ^ punctuation.definition.string.end.dockerfile
#                       ^^^^^^^^^^^^^^^ string.quoted.single.dockerfile
ENV PATH="/opt/app/bin:${PATH}"
#                      ^^^^^^^ string.quoted.double.dockerfile variable.other.dockerfile
ENV SPACED=hello\ world
#          ^^^^^ string.unquoted.value.dockerfile
#               ^^ constant.character.escape.dockerfile
ENV MY_NAME John Doe
#   ^^^^^^^ variable.other.key.dockerfile
#           ^^^^^^^^ string.unquoted.value.dockerfile
ARG VERSION
#   ^^^^^^^ meta.instruction.arg.dockerfile variable.other.key.dockerfile
ARG BUILD_DATE=unknown GIT_SHA
#   ^^^^^^^^^^ variable.other.key.dockerfile
#              ^^^^^^^ string.unquoted.value.dockerfile
#                      ^^^^^^^ variable.other.key.dockerfile
ARG NODE_VERSION="20"
#                ^^^^ string.quoted.double.dockerfile
LABEL org.opencontainers.image.source="https://github.com/example/app"
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.label.dockerfile variable.other.key.dockerfile
#                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.dockerfile
LABEL "com.example.vendor"="ACME Incorporated" version="1.0" \
#     ^^^^^^^^^^^^^^^^^^^^ variable.other.key.dockerfile
#                          ^^^^^^^^^^^^^^^^^^^ string.quoted.double.dockerfile
#                                              ^^^^^^^ variable.other.key.dockerfile
      description="An example \
#     ^^^^^^^^^^^ meta.instruction.label.dockerfile variable.other.key.dockerfile
with a quoted value over two lines"
# <---------------------------------- meta.instruction.label.dockerfile string.quoted.double.dockerfile
MAINTAINER Jane Doe <jane@example.com>
# <---------- keyword.other.special-method.dockerfile

# SYNTAX TEST "source.dockerfile.learning" "comments, including comment lines inside a continued instruction"
# A comment at the top that is not a directive
# <- comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - meta.directive.dockerfile
   # leading whitespace is allowed before a comment
#  ^ comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile
FROM alpine:3.19
RUN apk add --no-cache \
      curl \
    # curl is needed for the health check
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile comment.line.number-sign.dockerfile
#   ^ punctuation.definition.comment.dockerfile
      git
#     ^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile - comment.line.number-sign.dockerfile
ENV A=1 \
# a comment line in column 0 inside ENV
# <--------------------------------------- meta.instruction.env.dockerfile comment.line.number-sign.dockerfile
    B=2
#   ^ meta.instruction.env.dockerfile variable.other.key.dockerfile
# A # after the instruction is an argument, not a Dockerfile comment:
RUN make # the shell sees this comment
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile comment.line.number-sign.shell - comment.line.number-sign.dockerfile
LABEL channel=#stable note="# in a string"
#             ^^^^^^^ string.unquoted.value.dockerfile - comment.line.number-sign.dockerfile
#                           ^^^^^^^^^^^^^ string.quoted.double.dockerfile - comment.line.number-sign.dockerfile
RUN echo done
# comment after the instruction ended
# <------------------------------------- comment.line.number-sign.dockerfile - meta.instruction.run.dockerfile

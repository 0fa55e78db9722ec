# SYNTAX TEST "source.dockerfile.learning" "directives only count before the first blank line, comment or instruction"

# syntax=docker/dockerfile:1
# <---------------------------- comment.line.number-sign.dockerfile - meta.directive.dockerfile
# escape=`
# <---------- comment.line.number-sign.dockerfile - meta.directive.dockerfile
# That escape line was a comment, so the backslash still continues lines:
RUN echo a \
#          ^ constant.character.escape.line-continuation.dockerfile
    echo b `
#   ^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile - constant.character.escape.line-continuation.dockerfile
FROM alpine
# <---- keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile

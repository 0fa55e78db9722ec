# SYNTAX TEST "source.dockerfile.learning" "parser directives at the top of the file"
# syntax=docker/dockerfile:1.7
# <- meta.directive.dockerfile punctuation.definition.directive.dockerfile
# <------------------------------ meta.directive.dockerfile - comment.line.number-sign.dockerfile
# ^^^^^^ meta.directive.dockerfile keyword.other.directive.dockerfile
#       ^ meta.directive.dockerfile keyword.operator.assignment.dockerfile
#        ^^^^^^^^^^^^^^^^^^^^^ meta.directive.dockerfile string.unquoted.directive-value.dockerfile
#CHECK = skip=JSONArgsRecommended,StageNameCasing;error=true
#^^^^^ keyword.other.directive.dockerfile
#      ^ keyword.operator.assignment.dockerfile
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.directive-value.dockerfile
# escape=\
# ^^^^^^ keyword.other.directive.dockerfile
#        ^ string.unquoted.directive-value.dockerfile
# The first comment ends the directive block: what follows is a comment.
# <------------------------------------------------------------------------ comment.line.number-sign.dockerfile - meta.directive.dockerfile
# syntax=docker/dockerfile:1
# <---------------------------- comment.line.number-sign.dockerfile - meta.directive.dockerfile keyword.other.directive.dockerfile
# <- punctuation.definition.comment.dockerfile
FROM alpine
# check=skip=all
# ^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - keyword.other.directive.dockerfile

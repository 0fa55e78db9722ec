# SYNTAX TEST "source.dockerfile.learning" "an unknown directive is a comment and ends the directive block"
# foo=bar
# <--------- comment.line.number-sign.dockerfile - meta.directive.dockerfile
# syntax=docker/dockerfile:1
# <---------------------------- comment.line.number-sign.dockerfile - meta.directive.dockerfile
FROM alpine

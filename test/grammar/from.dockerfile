# SYNTAX TEST "source.dockerfile.learning" "FROM: image references, platform flag and AS stage names"
FROM alpine
#    ^^^^^^ meta.instruction.from.dockerfile meta.image-reference.dockerfile entity.name.type.image.dockerfile
FROM alpine:3.19
#    ^^^^^^ entity.name.type.image.dockerfile
#          ^ meta.image-reference.dockerfile punctuation.separator.image-tag.dockerfile
#           ^^^^ meta.image-reference.dockerfile constant.other.image-tag.dockerfile
FROM docker.io/library/node:20-alpine AS deps
#    ^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.image.dockerfile
#                           ^^^^^^^^^ constant.other.image-tag.dockerfile
#                                     ^^ keyword.other.as.dockerfile - meta.image-reference.dockerfile
#                                        ^^^^ entity.name.type.stage.dockerfile - entity.name.type.image.dockerfile
FROM localhost:5000/team/app:1.2.3
#    ^^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.image.dockerfile - constant.other.image-tag.dockerfile
#                            ^^^^^ constant.other.image-tag.dockerfile
FROM nginx:1.25@sha256:0123456789abcdef AS web
#          ^^^^ constant.other.image-tag.dockerfile
#              ^ punctuation.separator.image-digest.dockerfile
#               ^^^^^^^^^^^^^^^^^^^^^^^ constant.other.image-digest.dockerfile
#                                          ^^^ entity.name.type.stage.dockerfile
FROM --platform=$BUILDPLATFORM golang:1.22 as build
#    ^^^^^^^^^^ variable.parameter.flag.dockerfile - meta.image-reference.dockerfile
#               ^^^^^^^^^^^^^^ string.unquoted.flag-value.dockerfile variable.other.dockerfile
#                              ^^^^^^ entity.name.type.image.dockerfile
#                                          ^^ keyword.other.as.dockerfile
#                                             ^^^^^ entity.name.type.stage.dockerfile
FROM ${REGISTRY}/base:${TAG:-latest}
#    ^^^^^^^^^^^ meta.image-reference.dockerfile variable.other.dockerfile
#               ^^^^^ entity.name.type.image.dockerfile
#                     ^^^^^^^^^^^^^^ constant.other.image-tag.dockerfile variable.other.dockerfile
#                            ^^^^^^ string.unquoted.default-value.dockerfile
FROM scratch
#    ^^^^^^^ entity.name.type.image.dockerfile
FROM build AS final
#    ^^^^^ entity.name.type.image.dockerfile
#             ^^^^^ entity.name.type.stage.dockerfile

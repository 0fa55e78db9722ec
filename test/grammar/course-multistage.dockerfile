# SYNTAX TEST "source.dockerfile.learning" "the course's multi-stage example"
FROM gcc:9.4 AS builder
# <---- meta.instruction.from.dockerfile keyword.other.special-method.dockerfile
#    ^^^ meta.image-reference.dockerfile entity.name.type.image.dockerfile
#       ^ punctuation.separator.image-tag.dockerfile
#        ^^^ constant.other.image-tag.dockerfile
#            ^^ keyword.other.as.dockerfile
#               ^^^^^^^ entity.name.type.stage.dockerfile
COPY hello.c /src/hello.c
# <---- meta.instruction.copy.dockerfile keyword.other.special-method.dockerfile
#    ^^^^^^^^^^^^^^^^^^^^ meta.instruction.copy.dockerfile
WORKDIR /src
# <------- meta.instruction.workdir.dockerfile keyword.other.special-method.dockerfile
RUN gcc --static -o hello hello.c
# <--- meta.instruction.run.dockerfile keyword.other.special-method.dockerfile
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile - variable.parameter.flag.dockerfile

FROM alpine:3.13.5
#    ^^^^^^ entity.name.type.image.dockerfile
#           ^^^^^^ constant.other.image-tag.dockerfile
COPY --from=builder /src/hello /src/hello
#    ^^^^^^ variable.parameter.flag.dockerfile
#          ^ keyword.operator.assignment.dockerfile
#           ^^^^^^^ entity.name.type.stage.dockerfile
ENTRYPOINT ["/src/hello"]
# <---------- meta.instruction.entrypoint.dockerfile keyword.other.special-method.dockerfile
#          ^ meta.structure.array.json.dockerfile punctuation.definition.array.begin.dockerfile
#           ^^^^^^^^^^^^ meta.structure.array.json.dockerfile string.quoted.double.dockerfile
#                       ^ meta.structure.array.json.dockerfile punctuation.definition.array.end.dockerfile
CMD []
# <--- meta.instruction.cmd.dockerfile keyword.other.special-method.dockerfile
#   ^ meta.structure.array.json.dockerfile punctuation.definition.array.begin.dockerfile
#    ^ meta.structure.array.json.dockerfile punctuation.definition.array.end.dockerfile

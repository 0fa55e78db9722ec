# SYNTAX TEST "source.dockerfile.learning" "exec (JSON) form of RUN, CMD, ENTRYPOINT, SHELL, VOLUME, COPY"
CMD ["nginx", "-g", "daemon off;"]
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.cmd.dockerfile meta.structure.array.json.dockerfile - meta.embedded.shell.dockerfile
#   ^ punctuation.definition.array.begin.dockerfile
#    ^ string.quoted.double.dockerfile punctuation.definition.string.begin.dockerfile
#     ^^^^^ string.quoted.double.dockerfile
#          ^ string.quoted.double.dockerfile punctuation.definition.string.end.dockerfile
#           ^ punctuation.separator.array.dockerfile - string.quoted.double.dockerfile
#                    ^^^^^^^^^^^ string.quoted.double.dockerfile
#                                ^ punctuation.definition.array.end.dockerfile
ENTRYPOINT ["/bin/sh", "-c", "echo \"hi\" \\ \u00e9\t"]
#                                  ^^ string.quoted.double.dockerfile constant.character.escape.dockerfile
#                                         ^^ constant.character.escape.dockerfile
#                                            ^^^^^^ constant.character.escape.dockerfile
#                                                  ^^ constant.character.escape.dockerfile
ENTRYPOINT ["bad \q escape"]
#                ^^ invalid.illegal.unrecognized-string-escape.dockerfile
RUN ["apt-get", "install", "-y", "curl"]
#    ^^^^^^^^^ meta.instruction.run.dockerfile meta.structure.array.json.dockerfile string.quoted.double.dockerfile
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
#      ^^^^^^^^^^^ meta.instruction.shell.dockerfile string.quoted.double.dockerfile
CMD ["echo", "$HOME"]
#             ^^^^^ string.quoted.double.dockerfile - variable.other.dockerfile
VOLUME ["/data", "/var/log/${APP}"]
#       ^^^^^^^ meta.instruction.volume.dockerfile meta.structure.array.json.dockerfile string.quoted.double.dockerfile
#                          ^^^^^^ string.quoted.double.dockerfile variable.other.dockerfile
COPY ["my file.txt", "/app/"]
#     ^^^^^^^^^^^^^ meta.instruction.copy.dockerfile meta.structure.array.json.dockerfile string.quoted.double.dockerfile
CMD []
#   ^ meta.structure.array.json.dockerfile punctuation.definition.array.begin.dockerfile
#    ^ meta.structure.array.json.dockerfile punctuation.definition.array.end.dockerfile
ENTRYPOINT ["python", \
#                     ^ meta.structure.array.json.dockerfile constant.character.escape.line-continuation.dockerfile
    "-m", \
#   ^^^^ meta.instruction.entrypoint.dockerfile meta.structure.array.json.dockerfile string.quoted.double.dockerfile
    "http.server"]
#   ^^^^^^^^^^^^^ meta.structure.array.json.dockerfile string.quoted.double.dockerfile
#                ^ punctuation.definition.array.end.dockerfile
# Not JSON arrays, so Docker runs them with /bin/sh -c:
RUN [ -f /etc/os-release ] && cat /etc/os-release
#   ^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile - meta.structure.array.json.dockerfile
CMD ['single', 'quotes']
#   ^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile - meta.structure.array.json.dockerfile
CMD ["unclosed"
#   ^^^^^^^^^^^ meta.embedded.shell.dockerfile - meta.structure.array.json.dockerfile
CMD ["a"] trailing
#   ^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile - meta.structure.array.json.dockerfile

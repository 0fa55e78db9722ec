# SYNTAX TEST "source.dockerfile.learning" "EXPOSE ports, STOPSIGNAL, USER, WORKDIR, VOLUME"
EXPOSE 80/tcp 443 8000-8010/udp 53/SCTP
#      ^^ meta.instruction.expose.dockerfile constant.numeric.port.dockerfile
#        ^ punctuation.separator.protocol.dockerfile
#         ^^^ constant.language.protocol.dockerfile
#             ^^^ constant.numeric.port.dockerfile
#                 ^^^^ constant.numeric.port.dockerfile
#                     ^ punctuation.separator.range.dockerfile
#                      ^^^^ constant.numeric.port.dockerfile
#                           ^^^ constant.language.protocol.dockerfile
#                                  ^^^^ constant.language.protocol.dockerfile
EXPOSE ${PORT}/udp
#              ^^^ constant.language.protocol.dockerfile
STOPSIGNAL SIGTERM
#          ^^^^^^^ meta.instruction.stopsignal.dockerfile constant.language.signal.dockerfile
STOPSIGNAL 9
#          ^ constant.numeric.signal.dockerfile
STOPSIGNAL SIGRTMIN+3
#          ^^^^^^^^^^ constant.language.signal.dockerfile
USER app:staff
#    ^^^ meta.instruction.user.dockerfile
#       ^ punctuation.separator.user-group.dockerfile
USER 1000
#    ^^^^ meta.instruction.user.dockerfile
WORKDIR "/path with spaces"
#       ^^^^^^^^^^^^^^^^^^^ meta.instruction.workdir.dockerfile string.quoted.double.dockerfile
VOLUME /var/lib/mysql /var/log
#      ^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.volume.dockerfile - meta.structure.array.json.dockerfile

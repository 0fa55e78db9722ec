# SYNTAX TEST "source.dockerfile.learning" "every instruction keyword, in any letter case"
FROM alpine AS base
# <---- meta.instruction.from.dockerfile keyword.other.special-method.dockerfile
from alpine
# <---- keyword.other.special-method.dockerfile
  From alpine
# ^^^^ meta.instruction.from.dockerfile keyword.other.special-method.dockerfile
run echo lower case
# <--- meta.instruction.run.dockerfile keyword.other.special-method.dockerfile
Cmd echo mixed
# <--- meta.instruction.cmd.dockerfile keyword.other.special-method.dockerfile
label a=b
# <----- meta.instruction.label.dockerfile keyword.other.special-method.dockerfile
MAINTAINER someone@example.com
# <---------- meta.instruction.maintainer.dockerfile keyword.other.special-method.dockerfile
expose 80
# <------ meta.instruction.expose.dockerfile keyword.other.special-method.dockerfile
Env A=b
# <--- meta.instruction.env.dockerfile keyword.other.special-method.dockerfile
add . /app
# <--- meta.instruction.add.dockerfile keyword.other.special-method.dockerfile
copy . /app
# <---- meta.instruction.copy.dockerfile keyword.other.special-method.dockerfile
entrypoint ["sh"]
# <---------- meta.instruction.entrypoint.dockerfile keyword.other.special-method.dockerfile
volume /data
# <------ meta.instruction.volume.dockerfile keyword.other.special-method.dockerfile
user app
# <---- meta.instruction.user.dockerfile keyword.other.special-method.dockerfile
workdir /app
# <------- meta.instruction.workdir.dockerfile keyword.other.special-method.dockerfile
arg VERSION
# <--- meta.instruction.arg.dockerfile keyword.other.special-method.dockerfile
onbuild run make
# <------- meta.instruction.onbuild.dockerfile keyword.other.special-method.dockerfile
#       ^^^ meta.instruction.onbuild.dockerfile meta.instruction.run.dockerfile keyword.other.special-method.dockerfile
stopsignal SIGQUIT
# <---------- meta.instruction.stopsignal.dockerfile keyword.other.special-method.dockerfile
healthcheck NONE
# <----------- meta.instruction.healthcheck.dockerfile keyword.other.special-method.dockerfile
shell ["/bin/sh", "-c"]
# <----- meta.instruction.shell.dockerfile keyword.other.special-method.dockerfile
RUNNING is not an instruction
# <------- meta.instruction.unknown.dockerfile - keyword.other.special-method.dockerfile
COPYX a b
# <----- meta.instruction.unknown.dockerfile - keyword.other.special-method.dockerfile

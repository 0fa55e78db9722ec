# SYNTAX TEST "source.dockerfile.learning" "# escape=` makes the backtick the line-continuation character"
# escape=`
# <---------- meta.directive.dockerfile
# ^^^^^^ keyword.other.directive.dockerfile
#        ^ string.unquoted.directive-value.dockerfile
# syntax=docker/dockerfile:1
# ^^^^^^ meta.directive.dockerfile keyword.other.directive.dockerfile
#        ^^^^^^^^^^^^^^^^^^^ string.unquoted.directive-value.dockerfile
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# <---- keyword.other.special-method.dockerfile
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.image.dockerfile
# A trailing backslash is just part of a Windows path now:
WORKDIR C:\app\
#       ^^^^^^^ meta.instruction.workdir.dockerfile - constant.character.escape.line-continuation.dockerfile
RUN powershell -Command `
#   ^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
#                       ^ meta.embedded.shell.dockerfile constant.character.escape.line-continuation.dockerfile
    Write-Host 'one'; `
#                     ^ constant.character.escape.line-continuation.dockerfile
    # a comment line inside the continued RUN
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile comment.line.number-sign.dockerfile
    Write-Host 'two'
#   ^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
ENV APP_HOME=C:\app `
#   ^^^^^^^^ variable.other.key.dockerfile
#            ^^^^^^ string.unquoted.value.dockerfile - constant.character.escape.dockerfile
#                   ^ constant.character.escape.line-continuation.dockerfile
    PORT=8080
#   ^^^^ meta.instruction.env.dockerfile variable.other.key.dockerfile
RUN dir C:\
#   ^^^^^^^ meta.embedded.shell.dockerfile - constant.character.escape.line-continuation.dockerfile
COPY app.ps1 C:\app\
# <---- keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile

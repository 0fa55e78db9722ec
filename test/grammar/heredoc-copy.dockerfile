# SYNTAX TEST "source.dockerfile.learning" "COPY and ADD heredocs: inline files"
COPY <<EOF /app/config.ini
#    ^^^^^ meta.instruction.copy.dockerfile keyword.control.heredoc-token.dockerfile
#          ^^^^^^^^^^^^^^^ meta.instruction.copy.dockerfile - meta.embedded.block.heredoc.dockerfile
[server]
# <-------- meta.embedded.block.heredoc.dockerfile - meta.structure.array.json.dockerfile
port = ${PORT:-8080}
#      ^^^^^^^^^^^^^ meta.embedded.block.heredoc.dockerfile variable.other.dockerfile
#              ^^^^ string.unquoted.default-value.dockerfile

# blank lines and hash lines stay in the body
# <--------------------------------------------- meta.embedded.block.heredoc.dockerfile - comment.line.number-sign.dockerfile
EOF
# <--- meta.instruction.copy.dockerfile keyword.control.heredoc-token.dockerfile
COPY --chmod=755 <<-"EOF" /usr/local/bin/hello
#    ^^^^^^^ variable.parameter.flag.dockerfile
#                ^^^^^^^^ keyword.control.heredoc-token.dockerfile
	#!/bin/sh
#^^^^^^^^^ meta.embedded.block.heredoc.dockerfile - comment.line.number-sign.dockerfile
	echo "$HOME is not substituted: quoted delimiter"
#      ^^^^^ meta.embedded.block.heredoc.dockerfile - variable.other.dockerfile
	EOF
#^^^ keyword.control.heredoc-token.dockerfile - meta.embedded.block.heredoc.dockerfile
ADD <<EOF ${APP_DIR}/version.txt
# <--- meta.instruction.add.dockerfile keyword.other.special-method.dockerfile
#         ^^^^^^^^^^ variable.other.dockerfile
1.0
# <--- meta.instruction.add.dockerfile meta.embedded.block.heredoc.dockerfile
EOF
COPY <<EOF /a.txt
FROM alpine
# <----------- meta.embedded.block.heredoc.dockerfile - keyword.other.special-method.dockerfile meta.embedded.shell.dockerfile
EOF
COPY . /app
# <---- keyword.other.special-method.dockerfile - meta.embedded.block.heredoc.dockerfile

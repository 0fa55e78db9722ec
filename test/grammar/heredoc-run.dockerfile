# SYNTAX TEST "source.dockerfile.learning" "RUN heredocs: <<EOF, <<-EOF, quoted delimiters, bodies as embedded shell"
RUN <<EOF
#   ^^^^^ meta.instruction.run.dockerfile keyword.control.heredoc-token.dockerfile
#   ^^ keyword.control.heredoc-token.dockerfile keyword.operator.heredoc.dockerfile
apt-get update
# <-------------- meta.instruction.run.dockerfile meta.embedded.block.heredoc.dockerfile meta.embedded.shell.dockerfile

# <- meta.embedded.block.heredoc.dockerfile
apt-get install -y curl
# <----------------------- meta.embedded.block.heredoc.dockerfile meta.embedded.shell.dockerfile
FROM looks like an instruction but is body text
# <---- meta.embedded.block.heredoc.dockerfile - keyword.other.special-method.dockerfile
# and this is a shell comment, not a Dockerfile comment
# <------------------------------------------------------- meta.embedded.block.heredoc.dockerfile comment.line.number-sign.shell - comment.line.number-sign.dockerfile
  EOF
# ^^^ meta.embedded.block.heredoc.dockerfile - keyword.control.heredoc-token.dockerfile
EOF
# <--- meta.instruction.run.dockerfile keyword.control.heredoc-token.dockerfile - meta.embedded.block.heredoc.dockerfile
FROM alpine
# <---- keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile
RUN <<-EOT
#   ^^^ keyword.operator.heredoc.dockerfile
#      ^^^ keyword.control.heredoc-token.dockerfile
	echo "tab-indented body"
#^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.block.heredoc.dockerfile meta.embedded.shell.dockerfile
	EOT
#^^^ keyword.control.heredoc-token.dockerfile - meta.embedded.block.heredoc.dockerfile
RUN <<"EOF"
#     ^ keyword.control.heredoc-token.dockerfile punctuation.definition.string.begin.dockerfile
#      ^^^ keyword.control.heredoc-token.dockerfile
#         ^ keyword.control.heredoc-token.dockerfile punctuation.definition.string.end.dockerfile
echo "Docker does not expand $HOME here; the shell does"
# <---- meta.embedded.block.heredoc.dockerfile meta.embedded.shell.dockerfile
EOF
# <--- keyword.control.heredoc-token.dockerfile
RUN <<'EOF'
#   ^^^^^^^ keyword.control.heredoc-token.dockerfile
echo 'single-quoted delimiter'
# <------------------------------ meta.embedded.block.heredoc.dockerfile meta.embedded.shell.dockerfile
EOF
# <--- keyword.control.heredoc-token.dockerfile
RUN bash -eux <<SCRIPT
#   ^^^^^^^^^^ meta.instruction.run.dockerfile meta.embedded.shell.dockerfile
#               ^^^^^^ keyword.control.heredoc-token.dockerfile
if true; then echo "unbalanced quote, unclosed $(subshell
#                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.block.heredoc.dockerfile meta.embedded.shell.dockerfile string.quoted.double.shell
SCRIPT
# <------ meta.instruction.run.dockerfile keyword.control.heredoc-token.dockerfile - string.quoted.double.shell
WORKDIR /app
# <------- keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile
RUN cat <<EOF > /etc/motd
#   ^^^^ meta.embedded.shell.dockerfile
#         ^^^ keyword.control.heredoc-token.dockerfile
#            ^^^^^^^^^^^^ meta.embedded.shell.dockerfile
Welcome, $USER
# <-------- meta.embedded.block.heredoc.dockerfile - meta.embedded.shell.dockerfile
#        ^^^^^ meta.embedded.block.heredoc.dockerfile variable.other.dockerfile
EOF
RUN python3 <<'PY'
print("$HOME stays literal")
# <---------------------------- meta.embedded.block.heredoc.dockerfile - meta.embedded.shell.dockerfile variable.other.dockerfile
PY
# <-- keyword.control.heredoc-token.dockerfile
RUN --mount=type=cache,target=/var/cache/apt <<EOF
#   ^^^^^^^ variable.parameter.flag.dockerfile
#                                              ^^^ keyword.control.heredoc-token.dockerfile
apt-get update
# <-------------- meta.embedded.block.heredoc.dockerfile meta.embedded.shell.dockerfile
EOF
RUN 3<<EOF cat /dev/fd/3
#   ^ keyword.control.heredoc-token.dockerfile constant.numeric.file-descriptor.dockerfile
#         ^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile
data
EOF
CMD ["done"]
#   ^^^^^^^^ meta.instruction.cmd.dockerfile meta.structure.array.json.dockerfile

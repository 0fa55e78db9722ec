# SYNTAX TEST "source.dockerfile.learning" "flags: --mount option lists, --from, --platform, --chown, --chmod, boolean flags"
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
#   ^^^^^^^ meta.instruction.run.dockerfile variable.parameter.flag.dockerfile
#   ^^ variable.parameter.flag.dockerfile punctuation.definition.flag.dockerfile
#          ^ keyword.operator.assignment.dockerfile - variable.parameter.flag.dockerfile
#           ^^^^ entity.other.attribute-name.option.dockerfile
#               ^ keyword.operator.assignment.dockerfile
#                ^^^^^ string.unquoted.option-value.dockerfile
#                     ^ punctuation.separator.comma.dockerfile
#                      ^^^^^^ entity.other.attribute-name.option.dockerfile
#                             ^^^^^^^^^^^^^^^^ string.unquoted.option-value.dockerfile
#                                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile - variable.parameter.flag.dockerfile
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required \
#                                                    ^^^^^^^^ entity.other.attribute-name.option.dockerfile
    --mount=type=bind,from=deps,source=/app/node_modules,target=/app/node_modules \
#   ^^^^^^^ variable.parameter.flag.dockerfile
#                     ^^^^ entity.other.attribute-name.option.dockerfile
#                          ^^^^ string.unquoted.option-value.dockerfile
    --network=none \
#   ^^^^^^^^^ variable.parameter.flag.dockerfile
#             ^^^^ string.unquoted.flag-value.dockerfile
    npm run build --if-present=true
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile - variable.parameter.flag.dockerfile
RUN --mount=type=cache,target=${CACHE_DIR} make
#                             ^^^^^^^^^^^^ string.unquoted.option-value.dockerfile variable.other.dockerfile
COPY --from=builder /src/app /usr/local/bin/app
#    ^^^^^^ meta.instruction.copy.dockerfile variable.parameter.flag.dockerfile
#          ^ keyword.operator.assignment.dockerfile
#           ^^^^^^^ entity.name.type.stage.dockerfile
COPY --from=nginx:1.25 /etc/nginx/nginx.conf /nginx.conf
#           ^^^^^^^^^^ string.unquoted.flag-value.dockerfile - entity.name.type.stage.dockerfile
COPY --chown=1000:1000 --chmod=644 app.conf /etc/app/
#    ^^^^^^^ variable.parameter.flag.dockerfile
#            ^^^^^^^^^ string.unquoted.flag-value.dockerfile
#                      ^^^^^^^ variable.parameter.flag.dockerfile
#                              ^^^ string.unquoted.flag-value.dockerfile
#                                  ^^^^^^^^^^^^^^^^^^ meta.instruction.copy.dockerfile - string.unquoted.flag-value.dockerfile
ADD --checksum=sha256:24454f8 --link https://example.com/app.tar.gz /
#              ^^^^^^^^^^^^^^ string.unquoted.flag-value.dockerfile
#                             ^^^^^^ variable.parameter.flag.dockerfile
COPY --link=false . .
#    ^^^^^^ variable.parameter.flag.dockerfile
#           ^^^^^ string.unquoted.flag-value.dockerfile

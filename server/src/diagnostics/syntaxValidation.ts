// Syntax and argument validation: dockerfile-utils (through dockerfile-language-service), behind this
// one function so it can be replaced (it is the slow part on very large files). Its problems that our
// teaching rules explain better are dropped here; the rest get a Chinese message when the learner
// reads Chinese (the English templates are dockerfile-utils' own, MIT-licensed).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { ValidationCode } from 'dockerfile-utils';
import type { Language } from '../i18n/language';
import { VALIDATOR_SETTINGS } from './validatorSettings';
import type { ChunkedSyntaxValidator } from '../incremental/chunkedValidation';
import type { DockerfileLike } from '../documents/instructionScanner';

export const SYNTAX_SOURCE = 'dockerfile-utils';

/** dockerfile-utils problems one of our rules reports instead (with why, a link and a fix). */
const REPLACED_BY_OUR_RULES = new Set<number>([
  ValidationCode.DUPLICATE_BUILD_STAGE_NAME, // duplicate-stage-name
  ValidationCode.INVALID_PORT, // expose-invalid-port
  ValidationCode.INVALID_PROTO, // expose-invalid-protocol
  ValidationCode.BASE_NAME_EMPTY, // from-arg-default-empty, undeclared-arg-in-from
]);

/**
 * With `incremental` (one per open document), only the chunks of instructions an edit touched are
 * revalidated; the result is the same (test/unit/server/performance/chunkedValidation.test.ts).
 */
export function validateSyntax(text: string, service: DockerfileLanguageService, language: Language, incremental?: ChunkedSyntaxValidator,
  parsed?: { tree: DockerfileLike; lines: string[] }): Diagnostic[] {
  const diagnostics = incremental ? incremental.validate(text, parsed?.tree, parsed?.lines) : service.validate(text, VALIDATOR_SETTINGS) as Diagnostic[];
  const kept = diagnostics.filter((d) => !REPLACED_BY_OUR_RULES.has(Number(d.code)));
  if (language === 'zh-cn') {
    for (const d of kept) { if (typeof d.message === 'string') { d.message = translateSyntaxMessage(d.message); } }
  }
  return kept;
}

/** [English template from dockerfile-utils, our Chinese]. `${0}`, `${1}` are the parameters. */
const SYNTAX_MESSAGES: [string, string][] = [
  ['base name (${0}) should not be blank', '基础镜像名（${0}）不能为空：这个变量在这里没有值'],
  ['Parser directives should be written in lowercase letters', '解析器指令应使用小写字母'],
  ['only one escape parser directive can be used', 'escape 解析器指令只能写一次'],
  ["invalid ESCAPE '${0}'. Must be ` or \\", '无效的 escape 字符“${0}”：只能是 ` 或 \\'],
  ['No source image provided with `FROM`', '没有用 `FROM` 指定基础镜像：除 ARG 外，Dockerfile 的第一条指令必须是 FROM'],
  ['Empty continuation line', '续行中出现空行'],
  ['FROM requires either one or three arguments', 'FROM 需要一个参数（镜像），或三个参数（镜像 AS 阶段名）'],
  ['Second argument should be AS', '第二个参数应为 AS'],
  ['Invalid containerPort: ${0}', '无效的容器端口：${0}'],
  ['Invalid proto: ${0}', '无效的协议：${0}'],
  ['invalid reference format', '镜像引用格式无效'],
  ['Invalid signal: ${0}', '无效的信号：${0}'],
  ['parsing "${0}": invalid syntax', '解析“${0}”失败：语法无效'],
  ['When using ${0} with more than one source file, the destination must be a directory and end with a / or a \\', '${0} 有多个源文件时，目标必须是目录，并以 / 或 \\ 结尾'],
  ['Syntax error - can\'t find = in "${0}". Must be of the form: name=value', '语法错误：“${0}”中没有 =，应写成 name=value'],
  ['${0} names cannot be blank', '${0} 的名称不能为空'],
  ['failed to process "${0}": unexpected end of statement while looking for matching single-quote', '无法处理“${0}”：到语句结尾仍未找到配对的单引号'],
  ['failed to process "${0}": unexpected end of statement while looking for matching double-quote', '无法处理“${0}”：到语句结尾仍未找到配对的双引号'],
  ['duplicate name ${0}', '构建阶段名称重复：${0}'],
  ['invalid name for build stage: "${0}", name can\'t start with a number or contain symbols', '构建阶段名称“${0}”无效：不能以数字开头，也不能包含符号'],
  ['${0} must be at least 1 (not ${1})', '${0} 至少为 1（现在是 ${1}）'],
  ['Duplicate flag specified: ${0}', '选项重复：${0}'],
  ['time: invalid duration ${0}', '无效的时长：${0}'],
  ['invalid from flag value ${0}: invalid reference format', '--from 的值 ${0} 无效：引用格式不正确'],
  ['expecting boolean value for flag ${0}, not: ${1}', '选项 ${0} 需要布尔值（true 或 false），而不是 ${1}'],
  ['Interval "${0}" cannot be less than 1ms', '间隔“${0}”不能小于 1ms'],
  ['time: missing unit in duration ${0}', '时长 ${0} 缺少单位（如 s、m、h）'],
  ['Missing a value on flag: ${0}', '选项缺少值：${0}'],
  ['Unknown flag: ${0}', '未知选项：${0}'],
  ['time: unknown unit ${0} in duration ${1}', '时长 ${1} 中的单位 ${0} 无法识别'],
  ['Instruction has an extra argument', '指令多了一个参数'],
  ['Instruction has no arguments', '指令缺少参数'],
  ['There can only be one ${0} instruction in a Dockerfile or build stage. Only the last one will have an effect.', '一个构建阶段只能有一条 ${0} 指令，只有最后一条生效。'],
  ['${0} requires exactly one argument', '${0} 只能有一个参数'],
  ['${0} requires at least one argument', '${0} 至少需要一个参数'],
  ['${0} requires at least two arguments', '${0} 至少需要两个参数'],
  ['${0} must have two arguments', '${0} 必须有两个参数'],
  ['${0} takes no arguments', '${0} 不接受参数'],
  ['Unknown instruction: ${0}', '未知指令：${0}'],
  ['Instructions should be written in uppercase letters', '指令应使用大写字母'],
  ['Instruction written as a JSON array but is using single quotes instead of double quotes', '指令写成了 JSON 数组，但用的是单引号而不是双引号'],
  ['failed to process "${0}": unsupported modifier (${1}) in substitution', '无法处理“${0}”：变量替换不支持修饰符（${1}）'],
  ["Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", '不能用 `ONBUILD ONBUILD` 嵌套 ONBUILD'],
  ["${0} isn't allowed as an ONBUILD trigger", '${0} 不能作为 ONBUILD 的触发指令'],
  ['SHELL requires the arguments to be in JSON form', 'SHELL 的参数必须写成 JSON 数组形式'],
  ['SHELL requires at least one argument', 'SHELL 至少需要一个参数'],
  ['MAINTAINER has been deprecated', 'MAINTAINER 已弃用'],
  ['Missing command after HEALTHCHECK CMD', 'HEALTHCHECK CMD 后面缺少命令'],
  ['Unknown type"${0}" in HEALTHCHECK (try CMD)', 'HEALTHCHECK 中的类型“${0}”未知（应为 CMD 或 NONE）'],
  ['WORKDIR paths should be absolute', 'WORKDIR 路径应为绝对路径'],
];

const COMPILED = SYNTAX_MESSAGES.map(([en, zh]) => {
  const pattern = en.split(/\$\{\d\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([\\s\\S]*?)');
  const order = [...en.matchAll(/\$\{(\d)\}/g)].map((m) => Number(m[1]));
  return { re: new RegExp(`^${pattern}$`), order, zh };
});

/** The Chinese for a dockerfile-utils message; the message unchanged when we have no translation. */
export function translateSyntaxMessage(message: string): string {
  for (const { re, order, zh } of COMPILED) {
    const m = re.exec(message);
    if (!m) { continue; }
    const params: string[] = [];
    order.forEach((n, i) => { params[n] = m[i + 1]; });
    return zh.replace(/\$\{(\d)\}/g, (_all, n: string) => params[Number(n)] ?? '');
  }
  return message;
}

/** Every English template we translate, for a completeness test against dockerfile-utils' own list. */
export function translatedTemplates(): string[] { return SYNTAX_MESSAGES.map(([en]) => en); }

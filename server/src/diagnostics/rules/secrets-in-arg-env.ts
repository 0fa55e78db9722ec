// ARG and ENV values are part of the image's metadata: `docker history` and `docker inspect` show them
// to anyone who has the image.
import type { Rule } from '../rule';

const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials']);
const SECRET_PAIRS = [['api', 'key'], ['private', 'key'], ['access', 'key'], ['secret', 'key'], ['auth', 'key'], ['client', 'secret']];
/** Names that hold where a secret is, or something public, rather than the secret. */
const HARMLESS_LAST = new Set(['file', 'path', 'dir', 'url', 'uri', 'name', 'id', 'length', 'len', 'type', 'header', 'endpoint']);

/** Splits `DB_PASSWORD`, `dbPassword`, `api-key` into lower-case words. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

const MAYBE_SECRET = /pass|secret|token|key|credential/i;

export function looksSecret(name: string): boolean {
  if (!MAYBE_SECRET.test(name)) { return false; }
  const words = nameWords(name);
  if (words.length === 0 || words.includes('public') || HARMLESS_LAST.has(words[words.length - 1])) { return false; }
  if (words.some((w) => SECRET_WORDS.has(w))) { return true; }
  return SECRET_PAIRS.some(([a, b]) => words.some((w, i) => w === a && words[i + 1] === b));
}

export const rule: Rule = {
  id: 'secrets-in-arg-env',
  defaultSeverity: 'warning',
  buildkitCheck: 'SecretsUsedInArgOrEnv',
  title: {
    en: 'A secret passed with ARG or ENV',
    'zh-cn': '用 ARG 或 ENV 传递了密钥等机密信息',
  },
  messages: {
    secret: {
      en: '`{name}` looks like a secret. {keyword} values are stored in the image: anyone with the image can read them with `docker history` or `docker inspect`, even if a later instruction unsets them. Pass secrets to the one RUN that needs them with `RUN --mount=type=secret,id=…`, and give them to containers at run time (`docker run -e` or a secrets file).',
      'zh-cn': '`{name}` 看起来是机密信息。{keyword} 的值会保存在镜像里：任何拿到镜像的人都能用 `docker history` 或 `docker inspect` 看到，即使后面的指令把它清空也没用。构建时请用 `RUN --mount=type=secret,id=…` 只交给需要它的那条 RUN；运行时再通过 `docker run -e` 或密钥文件交给容器。',
    },
  },
  check(model, report) {
    for (const info of model.ofKeyword('ARG', 'ENV')) {
      if (info.keyword !== 'ARG' && info.keyword !== 'ENV') { continue; }
      const properties = model.propertiesOf(info);
      for (const p of properties) {
        if (looksSecret(p.name)) {
          report({ range: p.nameRange, message: 'secret', params: { name: p.name, keyword: info.keyword } });
        }
      }
    }
  },
};

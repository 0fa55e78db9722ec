// ADD also downloads URLs and unpacks local tar archives. For plain local files it does what COPY does,
// but a reader must wonder which of its extra behaviours is meant.
import type { Rule } from '../rule';
import { casedLike, copyArgs, replace } from '../ruleHelpers';

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz4|lzma))$/i;
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export const rule: Rule = {
  id: 'add-instead-of-copy',
  defaultSeverity: 'warning',
  title: {
    en: 'ADD used where COPY does the job',
    'zh-cn': '用 COPY 就能完成的地方用了 ADD',
  },
  messages: {
    copy: {
      en: 'ADD is for the two things COPY cannot do: download a URL and unpack a local tar archive. Here it only copies local files from the build context, so use COPY — readers then know nothing surprising happens (a file that happens to be an archive would be unpacked by ADD).',
      'zh-cn': 'ADD 适合 COPY 做不到的两件事：下载 URL、解压本地的 tar 归档。这里只是从构建上下文复制本地文件，请用 COPY——读者就知道不会有意外（如果某个文件恰好是归档，ADD 会把它解压）。',
    },
  },
  fixes: {
    copy: { en: 'Replace ADD with COPY', 'zh-cn': '把 ADD 换成 COPY' },
  },
  check(model, report) {
    for (const info of model.ofKeyword('ADD')) {
      if (info.keyword !== 'ADD') { continue; }
      const flags = model.flagsOf(info);
      if (flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase()))) { continue; }
      const { sources, form } = copyArgs(model, info);
      if (form !== 'heredoc' && sources.length === 0) { continue; }
      const special = sources.some((s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s.value) || /^git@/.test(s.value) || s.value.includes('$') || ARCHIVE.test(s.value) || (/[*?[]/.test(s.value) && !/\.[A-Za-z0-9]+$/.test(s.value)));
      if (special) { continue; }
      const range = info.ins.getInstructionRange();
      const written = info.ins.getInstruction();
      report({
        range,
        message: 'copy',
        fixes: [{ title: 'copy', edits: [replace(range, casedLike(written, 'COPY'))], preferred: true }],
      });
    }
  },
};

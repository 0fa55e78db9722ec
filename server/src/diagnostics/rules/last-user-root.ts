// A container runs as the last USER of the final stage. Root inside a container is not harmless: an
// escape or a mounted host folder gives an attacker root's powers.
import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'last-user-root',
  defaultSeverity: 'information',
  title: {
    en: 'The image ends with USER root',
    'zh-cn': '镜像最后的 USER 是 root',
  },
  messages: {
    root: {
      en: 'Containers from this image run as root, because the last USER of the final build stage is `{user}`. If the program is compromised, it has root\'s rights inside the container and on any mounted folder. Once the installation steps are done, switch to an unprivileged user (`USER app`, created with `adduser`).',
      'zh-cn': '由这个镜像启动的容器会以 root 身份运行，因为最终构建阶段的最后一条 USER 是 `{user}`。一旦程序被攻破，它在容器里以及所有挂载进来的目录上都拥有 root 权限。安装步骤完成后，请切换到一个普通用户（`USER app`，先用 `adduser` 创建）。',
    },
  },
  check(model, report) {
    const final = model.finalStage;
    if (!final) { return; }
    for (const stage of model.lineage(final)) {
      const users = stage.instructions.filter((i) => i.keyword === 'USER');
      const last = users[users.length - 1];
      if (!last) { continue; }
      const arg = model.argumentsOf(last)[0];
      const user = arg?.value ?? '';
      const name = user.split(':')[0];
      if (arg && (name === 'root' || name === '0')) {
        report({ range: arg.range, message: 'root', params: { user } });
      }
      return;
    }
  },
};

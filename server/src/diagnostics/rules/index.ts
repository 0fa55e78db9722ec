// Every teaching rule, in the order their findings are listed. Adding a rule: a file here, a line below,
// and server/docs/rules/{en,zh-cn}/<id>.md.
import type { Rule } from '../rule';
import { rule as execFormMissingSpace } from './exec-form-missing-space';
import { rule as typographicQuotes } from './typographic-quotes';
import { rule as jsonSingleQuotes } from './json-single-quotes';
import { rule as jsonArrayNotStrings } from './json-array-not-strings';
import { rule as execFormRecommended } from './exec-form-recommended';
import { rule as multipleInstructions } from './multiple-instructions';
import { rule as chainRun } from './chain-run';
import { rule as aptGetUpdateAlone } from './apt-get-update-alone';
import { rule as aptGetInstallYes } from './apt-get-install-yes';
import { rule as aptGetNoInstallRecommends } from './apt-get-no-install-recommends';
import { rule as aptGetCleanLists } from './apt-get-clean-lists';
import { rule as apkNoCache } from './apk-no-cache';
import { rule as pipNoCacheDir } from './pip-no-cache-dir';
import { rule as sudoInRun } from './sudo-in-run';
import { rule as pipefail } from './pipefail';
import { rule as cdInRun } from './cd-in-run';
import { rule as workdirRelative } from './workdir-relative';
import { rule as copyRelativeDestination } from './copy-relative-destination';
import { rule as addInsteadOfCopy } from './add-instead-of-copy';
import { rule as baseImageTag } from './base-image-tag';
import { rule as copyFromUnknownStage } from './copy-from-unknown-stage';
import { rule as copyFromOwnStage } from './copy-from-own-stage';
import { rule as duplicateStageName } from './duplicate-stage-name';
import { rule as reservedStageName } from './reserved-stage-name';
import { rule as fromAsCasing } from './from-as-casing';
import { rule as stageNameCasing } from './stage-name-casing';
import { rule as undefinedVariable } from './undefined-variable';
import { rule as globalArgNotInStage } from './global-arg-not-in-stage';
import { rule as undeclaredArgInFrom } from './undeclared-arg-in-from';
import { rule as fromArgDefaultEmpty } from './from-arg-default-empty';
import { rule as secretsInArgEnv } from './secrets-in-arg-env';
import { rule as envLegacyFormat } from './env-legacy-format';
import { rule as maintainerDeprecated } from './maintainer-deprecated';
import { rule as instructionCasing } from './instruction-casing';
import { rule as emptyContinuationLine } from './empty-continuation-line';
import { rule as exposeHostMapping } from './expose-host-mapping';
import { rule as exposeInvalidPort } from './expose-invalid-port';
import { rule as exposeInvalidProtocol } from './expose-invalid-protocol';
import { rule as exposeProtocolCasing } from './expose-protocol-casing';
import { rule as lastUserRoot } from './last-user-root';
import { rule as copyIgnoredFile } from './copy-ignored-file';

export const RULES: readonly Rule[] = [
  execFormMissingSpace,
  typographicQuotes,
  jsonSingleQuotes,
  jsonArrayNotStrings,
  execFormRecommended,
  multipleInstructions,
  chainRun,
  aptGetUpdateAlone,
  aptGetInstallYes,
  aptGetNoInstallRecommends,
  aptGetCleanLists,
  apkNoCache,
  pipNoCacheDir,
  sudoInRun,
  pipefail,
  cdInRun,
  workdirRelative,
  copyRelativeDestination,
  addInsteadOfCopy,
  baseImageTag,
  copyFromUnknownStage,
  copyFromOwnStage,
  duplicateStageName,
  reservedStageName,
  fromAsCasing,
  stageNameCasing,
  undefinedVariable,
  globalArgNotInStage,
  undeclaredArgInFrom,
  fromArgDefaultEmpty,
  secretsInArgEnv,
  envLegacyFormat,
  maintainerDeprecated,
  instructionCasing,
  emptyContinuationLine,
  exposeHostMapping,
  exposeInvalidPort,
  exposeInvalidProtocol,
  exposeProtocolCasing,
  lastUserRoot,
  copyIgnoredFile,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

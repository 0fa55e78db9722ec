import { ValidationSeverity, ValidatorSettings } from 'dockerfile-utils';

/**
 * dockerfile-utils *replaces* its defaults with whatever object it is given, so a partial object
 * silently switches rules off. All nine keys are spelled out here on purpose.
 *
 * The ones set to IGNORE are not lost: each is one of our teaching rules (with a message in both
 * languages, a rule page, a quick fix and a severity the learner can change), and reporting it twice
 * would only add noise. Our own rules also keep blank lines inside heredocs out of
 * `empty-continuation-line`.
 */
export const VALIDATOR_SETTINGS: Required<ValidatorSettings> = {
  deprecatedMaintainer: ValidationSeverity.IGNORE, // rules/maintainer-deprecated
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.IGNORE, // rules/empty-continuation-line
  instructionCasing: ValidationSeverity.IGNORE, // rules/instruction-casing
  instructionCmdMultiple: ValidationSeverity.IGNORE, // rules/multiple-instructions
  instructionEntrypointMultiple: ValidationSeverity.IGNORE, // rules/multiple-instructions
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE, // rules/multiple-instructions
  instructionJSONInSingleQuotes: ValidationSeverity.IGNORE, // rules/json-single-quotes
  instructionWorkdirRelative: ValidationSeverity.IGNORE, // rules/workdir-relative
};

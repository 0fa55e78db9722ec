import { ValidationSeverity, ValidatorSettings } from 'dockerfile-utils';

/**
 * dockerfile-utils *replaces* its defaults with whatever object it is given, so a partial object
 * silently switches rules off. All nine keys are spelled out here on purpose.
 */
export const VALIDATOR_SETTINGS: Required<ValidatorSettings> = {
  deprecatedMaintainer: ValidationSeverity.WARNING,
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.WARNING,
  instructionCasing: ValidationSeverity.WARNING,
  instructionCmdMultiple: ValidationSeverity.WARNING,
  instructionEntrypointMultiple: ValidationSeverity.WARNING,
  instructionHealthcheckMultiple: ValidationSeverity.WARNING,
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
  instructionWorkdirRelative: ValidationSeverity.WARNING,
};

import { ANALYSIS_COMMANDS } from '../analysis/cli-commands';
import { ATTACHMENT_COMMANDS } from '../attachments/cli-commands';
import { AUDIT_COMMANDS, CASE_COMMANDS } from '../case/cli-commands';
import { CASEFILE_COMMANDS } from '../casefile/cli-commands';
import { COMMS_COMMANDS } from '../comms/cli-commands';
import { COOPERATION_COMMANDS } from '../cooperation/cli-commands';
import { ENTITY_COMMANDS } from '../entities/cli-commands';
import { EXCHANGE_COMMANDS } from '../exchange/cli-commands';
import { PLAN_COMMANDS } from '../exchange/plan-commands';
import { INTERCHANGE_COMMANDS } from '../interchange/cli-commands';
import { TYPE_COMMANDS } from '../vocabulary/cli-commands';
import { TIMELINE_COMMANDS } from '../timeline/cli-commands';
import type { Command } from './command';

// Every CLI command, assembled from each feature's cli-commands.ts (the types and option readers they
// share are in ./command.ts, which imports none of them). The order is the order of `cordon --help`.

export const COMMANDS: Record<string, Command> = {
  ...CASE_COMMANDS,
  ...ENTITY_COMMANDS,
  ...TYPE_COMMANDS,
  ...AUDIT_COMMANDS,
  ...ANALYSIS_COMMANDS,
  ...EXCHANGE_COMMANDS,
  ...PLAN_COMMANDS,
  ...INTERCHANGE_COMMANDS,
  ...COOPERATION_COMMANDS,
  ...CASEFILE_COMMANDS,
  ...ATTACHMENT_COMMANDS,
  ...COMMS_COMMANDS,
  ...TIMELINE_COMMANDS,
};

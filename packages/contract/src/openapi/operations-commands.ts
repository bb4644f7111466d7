import { COMMANDS, type CommandType, emptyCommandBodySchema } from '../commands.js';
import { COMMAND_ERRORS, EXECUTION_READ_ERRORS } from './error-statuses.js';
import { pascalCase } from './naming.js';
import type { OperationSpec } from './operation-types.js';
import { requestSchemaName } from './schema-catalogue.js';

const RESULT = {
  200: { description: 'The command ran; its final result.', schema: 'CommandExecutionResponse' },
  202: {
    description:
      'Long-running: the connection stays open and the final result is streamed once the vehicle ' +
      'answers, possibly after minutes (reference §3.5). Smartcar does not document this body; the ' +
      'contract takes it to be the same execution resource, `executionMode: "async"`.',
    schema: 'CommandExecutionResponse',
  },
} as const;

function commandOperation(commandType: CommandType): OperationSpec {
  const { path, permission, body } = COMMANDS[commandType];
  const takesNoBody = body === emptyCommandBodySchema;
  return {
    operationId: `command${pascalCase(commandType)}`,
    method: 'post',
    path: `/v3/vehicles/{vehicleId}/commands/${path}`,
    surface: 'vehicleApi',
    tag: 'Commands',
    summary: `Run the \`${commandType}\` command`,
    description: `Needs the \`${permission}\` permission. The result's \`commandType\` is \`${commandType}\`.`,
    parameters: ['ScUserId'],
    requestBody: {
      schema: requestSchemaName(body),
      required: !takesNoBody,
      ...(takesNoBody ? { description: 'None, `{}` or any JSON object: the content is ignored.' } : {}),
    },
    responses: RESULT,
    errors: COMMAND_ERRORS,
  };
}

/** The commands of the contract (reference §3.5), in its order, then reading an execution back. */
export const COMMAND_OPERATIONS: readonly OperationSpec[] = [
  ...(Object.keys(COMMANDS) as CommandType[]).map(commandOperation),
  {
    operationId: 'getCommandExecution',
    method: 'get',
    path: '/v3/vehicles/{vehicleId}/commands/{executionId}',
    surface: 'vehicleApi',
    tag: 'Commands',
    summary: 'Read a command execution back',
    description:
      '⚠ Smartcar’s spec has a “Command Executions” tag whose paths were not recoverable (reference §3.5); ' +
      'the contract models the resource, and this path is the one the Paddock emulator serves.',
    parameters: ['ScUserId'],
    responses: { 200: { description: 'The execution.', schema: 'CommandExecutionResponse' } },
    errors: EXECUTION_READ_ERRORS,
  },
];

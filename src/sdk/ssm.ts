/** The SSM client and the one command that reads the Slack secrets (see src/sdk/ec2.ts for why the list is explicit). */
export { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';

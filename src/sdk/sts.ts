/** The STS client and the one command the bot sends (see src/sdk/ec2.ts for why the list is explicit). */
export { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

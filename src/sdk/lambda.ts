/** The Lambda client and the one command the hand-off sends (see src/sdk/ec2.ts for why the list is explicit). */
export { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

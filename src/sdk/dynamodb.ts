/** The DynamoDB client and the commands the store sends (see src/sdk/ec2.ts for why the list is explicit). */
export { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';

/**
 * Preferences in DynamoDB (PREFERENCES_TABLE): one item per user, key `userId`, attribute `locale`. A table of its
 * own, so the Slack function's role gets GetItem/PutItem on it and nothing else. The SDK loads on first use.
 */
import type { DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { Locale } from '../locale.js';
import { assertUserId, storedLocale, type PreferenceStore } from './store.js';

type Sdk = typeof import('../sdk/dynamodb.js');

export class DynamoPreferenceStore implements PreferenceStore {
  private sdk: Promise<{ sdk: Sdk; client: DynamoDBClient }> | undefined;

  constructor(
    private readonly table: string,
    private readonly clientConfig: DynamoDBClientConfig = {},
  ) {}

  private async db(): Promise<{ sdk: Sdk; client: DynamoDBClient }> {
    this.sdk ??= import('../sdk/dynamodb.js').then((sdk) => ({ sdk, client: new sdk.DynamoDBClient({ maxAttempts: 4, ...this.clientConfig }) }));
    return this.sdk;
  }

  async getLocale(userId: string): Promise<Locale | undefined> {
    assertUserId(userId);
    const { sdk, client } = await this.db();
    const { Item } = await client.send(
      new sdk.GetItemCommand({
        TableName: this.table,
        Key: { userId: { S: userId } },
        ProjectionExpression: '#l',
        ExpressionAttributeNames: { '#l': 'locale' },
      }),
    );
    return storedLocale(Item?.locale?.S);
  }

  async setLocale(userId: string, locale: Locale): Promise<void> {
    assertUserId(userId);
    const { sdk, client } = await this.db();
    await client.send(
      new sdk.PutItemCommand({ TableName: this.table, Item: { userId: { S: userId }, locale: { S: locale }, updatedAt: { S: new Date().toISOString() } } }),
    );
  }
}

/** For tests and local setups: the table serverless.yml declares. */
export async function createPreferencesTable(table: string, clientConfig: DynamoDBClientConfig): Promise<void> {
  const sdk = await import('../sdk/dynamodb.js');
  const client = new sdk.DynamoDBClient(clientConfig);
  await client.send(
    new sdk.CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'userId', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

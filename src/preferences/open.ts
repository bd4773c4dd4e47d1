/** The preference store the configuration asks for: DynamoDB when PREFERENCES_TABLE is set, else files under DATA_DIR. */
import type { Config } from '../config.js';
import { DynamoPreferenceStore } from './dynamo-store.js';
import { FilePreferenceStore } from './file-store.js';
import type { PreferenceStore } from './store.js';

export function openPreferences(config: Config): PreferenceStore {
  return config.preferencesTable ? new DynamoPreferenceStore(config.preferencesTable) : new FilePreferenceStore(config.dataDir);
}
